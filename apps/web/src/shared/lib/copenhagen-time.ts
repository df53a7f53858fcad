import { Temporal } from 'temporal-polyfill';
import { TIME_ZONE as timeZone } from '@tvaers/domain';

// Kept apart from format.ts (on every page): the Temporal polyfill is large, and only the planner needs it.

/** A Copenhagen date (`YYYY-MM-DD`) and clock time (`HH:MM`) as an instant; undefined when not a real time. */
export function copenhagenInstant(date: string, clock: string): string | undefined {
  try {
    const [hour, minute] = clock.split(':').map(Number);
    return Temporal.PlainDate.from(date, { overflow: 'reject' })
      .toPlainDateTime({ hour, minute })
      .toZonedDateTime(timeZone)
      .toInstant()
      .toString();
  } catch {
    return undefined;
  }
}

/**
 * An instant as the planner's typed fields in Copenhagen time: date `dd-mm-åååå`, clock `HH.MM`;
 * undefined when it is no instant (e.g. a hand-edited link).
 */
export function instantFields(instant: string): { date: string; clock: string } | undefined {
  try {
    const local = Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone);
    const two = (n: number) => String(n).padStart(2, '0');
    return {
      date: `${two(local.day)}-${two(local.month)}-${local.year}`,
      clock: `${two(local.hour)}.${two(local.minute)}`,
    };
  } catch {
    return undefined;
  }
}
