import { DateTime } from 'luxon';

/** Calendar reasoning (days, working hours, deadlines) happens in the municipality's zone. */
export const TIME_ZONE = 'Europe/Copenhagen';

/** An instant: a JS Date or an ISO 8601 string (read as UTC when it carries no offset). */
export type Instant = Date | string;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isDateString(value: string): boolean {
  return DATE_RE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

/** Date-only values are calculated in UTC: a calendar date has no daylight-saving shifts. */
export function parseDate(date: string): DateTime {
  if (!isDateString(date)) throw new RangeError(`Invalid date, expected YYYY-MM-DD: ${date}`);
  return DateTime.fromISO(date, { zone: 'utc' });
}

export function formatDate(dt: DateTime): string {
  return dt.toFormat('yyyy-MM-dd');
}

/** The instant as a DateTime in Europe/Copenhagen. */
export function toLocal(instant: Instant): DateTime {
  const dt = instant instanceof Date ? DateTime.fromJSDate(instant) : DateTime.fromISO(instant, { zone: 'utc' });
  if (!dt.isValid) throw new RangeError(`Invalid instant: ${String(instant)}`);
  return dt.setZone(TIME_ZONE);
}

/** The Copenhagen calendar date of an instant. */
export function localDate(instant: Instant): string {
  return formatDate(toLocal(instant));
}

/** A date-only string as is, or the Copenhagen date of an instant (Date or ISO string). */
export function toLocalDate(value: Instant): string {
  return typeof value === 'string' && DATE_RE.test(value) ? formatDate(parseDate(value)) : localDate(value);
}

export function addDays(date: string, days: number): string {
  return formatDate(parseDate(date).plus({ days }));
}

/** Calendar months; a day missing in the target month clamps to its last day (29 Feb + 12 → 28 Feb). */
export function addMonths(date: string, months: number): string {
  return formatDate(parseDate(date).plus({ months }));
}

/** UTC instant of local midnight at the start of the date (in Copenhagen). */
export function startOfLocalDate(date: string): Date {
  parseDate(date);
  return DateTime.fromISO(date, { zone: TIME_ZONE }).startOf('day').toJSDate();
}

/** UTC instant at which the local date ends, i.e. local midnight starting the next day. */
export function endOfLocalDate(date: string): Date {
  return startOfLocalDate(addDays(date, 1));
}
