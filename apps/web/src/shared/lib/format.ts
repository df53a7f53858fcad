import type { Language } from '../i18n/i18n';

/** Times are stored in UTC and always shown in Danish time, whatever the browser's zone. */
export const timeZone = 'Europe/Copenhagen';
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
  number(value: number): string;
}

/** A date-only value as an instant at noon UTC: the same calendar day in Copenhagen, summer and winter. */
function calendarDay(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`);
}

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
  return {
    date: (isoDate) => date.format(calendarDay(isoDate)),
    dateWithWeekday: (isoDate) => weekday.format(calendarDay(isoDate)),
    dayOf: (instant) => shortDate.format(new Date(instant)),
    dateTime: (instant) => dateTime.format(new Date(instant)),
    number: (value) => number.format(value),
  };
}

/** Today's date in Copenhagen as `YYYY-MM-DD`. */
export function todayInCopenhagen(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
