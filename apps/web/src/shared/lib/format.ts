import { TIME_ZONE } from '@tvaers/domain';
import type { Language } from '../i18n/i18n';

/** Times are stored in UTC and always shown in Danish time (the domain's zone), whatever the browser's zone. */
const timeZone = TIME_ZONE;
export const intlLocale: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };

export interface Formatters {
  /** A date-only value (`YYYY-MM-DD`), e.g. "5. maj 2026". */
  date(isoDate: string): string;
  /** A date-only value with the weekday, e.g. "tirsdag 5. maj 2026". */
  dateWithWeekday(isoDate: string): string;
  /** The Copenhagen calendar day of an instant, short, e.g. "5. maj 2026". */
  dayOf(instant: string): string;
  /** An instant, e.g. "5. maj 2026 kl. 10.15" in Copenhagen time. */
  dateTime(instant: string): string;
  /** The Copenhagen weekday and day of an instant, e.g. "tirsdag 9. december". */
  weekdayOf(instant: string): string;
  /** A meeting's span, e.g. "tirsdag 9. december 2025 kl. 10.00–11.00", in Copenhagen time. */
  timeRange(start: string, end: string): string;
  /** A free time without the year, e.g. "tirsdag 1. december kl. 09.00–10.00". */
  slot(start: string, end: string): string;
  number(value: number): string;
}

/** A date-only value as an instant at noon UTC: the same calendar day in Copenhagen, summer and winter. */
function calendarDay(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`);
}

type Span = (day: string, start: string, end: string) => string;
/** How a day and its clock times are joined, per language: a meeting's span and a free time. */
const spans: Record<Language, { range: Span; slot: Span }> = {
  da: {
    range: (day, start, end) => `${day} kl. ${start}–${end}`,
    slot: (day, start, end) => `${day} kl. ${start}–${end}`,
  },
  en: {
    range: (day, start, end) => `${day}, ${start}–${end}`,
    slot: (day, start, end) => `${day} at ${start}–${end}`,
  },
};

export function createFormatters(language: Language): Formatters {
  const locale = intlLocale[language];
  const date = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' });
  const weekday = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const dateTime = new Intl.DateTimeFormat(locale, {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  const shortDate = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short', year: 'numeric' });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const weekdayDay = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long' });
  const clock = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hour12: false });
  const span = spans[language];
  return {
    date: (isoDate) => date.format(calendarDay(isoDate)),
    dateWithWeekday: (isoDate) => weekday.format(calendarDay(isoDate)),
    dayOf: (instant) => shortDate.format(new Date(instant)),
    dateTime: (instant) => dateTime.format(new Date(instant)),
    number: (value) => number.format(value),
    weekdayOf: (instant) => weekdayDay.format(new Date(instant)),
    timeRange: (start, end) =>
      span.range(weekday.format(new Date(start)), clock.format(new Date(start)), clock.format(new Date(end))),
    slot: (start, end) =>
      span.slot(weekdayDay.format(new Date(start)), clock.format(new Date(start)), clock.format(new Date(end))),
  };
}

/** A typed clock time ("9.30", "09:30") as `HH:MM`, or undefined. */
export function clockFieldToTime(text: string): string | undefined {
  const match = /^(\d{1,2})[.:](\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${match[2]}`;
}

/** Today's date in Copenhagen as `YYYY-MM-DD`. */
export function todayInCopenhagen(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
