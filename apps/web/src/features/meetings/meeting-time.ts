import { Temporal } from 'temporal-polyfill';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@web/shared/i18n/i18n';
import { intlLocale, timeZone } from '@web/shared/lib/format';

export interface MeetingTimeFormat {
  /** The Copenhagen day, e.g. "tirsdag 9. december". */
  day(instant: string): string;
  /** A meeting's span, e.g. "tirsdag 9. december 2025 kl. 10.00–11.00", in Copenhagen time. */
  range(start: string, end: string): string;
  /** A free time without the year, e.g. "tirsdag 1. december kl. 09.00–10.00". */
  slot(start: string, end: string): string;
}

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

/** A typed clock time ("9.30", "09:30") as `HH:MM`, or undefined. */
export function clockFieldToTime(text: string): string | undefined {
  const match = /^(\d{1,2})[.:](\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${match[2]}`;
}

/** Meeting times in the user's language and always in Copenhagen time, whatever the browser's zone. */
export function useMeetingTime(): MeetingTimeFormat {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.resolvedLanguage ?? i18n.language);
  return useMemo(() => {
    const locale = intlLocale[language];
    const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long' });
    const dayWithYear = new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    const clock = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hour12: false });
    return {
      day: (instant) => day.format(new Date(instant)),
      range: (start, end) =>
        t('meetings.timeRange', {
          day: dayWithYear.format(new Date(start)),
          start: clock.format(new Date(start)),
          end: clock.format(new Date(end)),
        }),
      slot: (start, end) =>
        t('meetings.slotRange', {
          day: day.format(new Date(start)),
          start: clock.format(new Date(start)),
          end: clock.format(new Date(end)),
        }),
    };
  }, [language, t]);
}
