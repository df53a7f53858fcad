import { DateTime } from 'luxon';
import { TIME_ZONE, formatDate, parseDate } from './time';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Hours worked on a weekday, local wall-clock time in Europe/Copenhagen ('HH:MM', end after start). */
export interface WeeklyHours {
  weekday: Weekday;
  start: string;
  end: string;
}

/** A half-open span of time [start, end). */
export interface Interval {
  start: Date;
  end: Date;
}

/** One person's week and what already fills it (meetings, open proposals, absences). */
export interface StaffCalendar {
  hours: WeeklyHours[];
  busy: Interval[];
}

/** Used for anyone who has stored no working hours: Monday to Friday, 08:00–16:00 local time. */
export const DEFAULT_WORKING_HOURS: WeeklyHours[] = ([1, 2, 3, 4, 5] as const).map((weekday) => ({
  weekday,
  start: '08:00',
  end: '16:00',
}));

const ms = (d: Date) => d.getTime();

/** Sorted, merged (touching spans joined), empty spans dropped. */
function normalize(spans: [number, number][]): [number, number][] {
  const sorted = spans.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** A local calendar day touching [from, to). */
interface LocalDay {
  date: string;
  weekday: number;
}

/**
 * What every calendar of one search shares, computed once (luxon's zone arithmetic is the cost of a search): the
 * local calendar days, and local wall-clock times as instants (08:00 stays 08:00 across daylight-saving changes).
 */
function searchContext(from: number, to: number) {
  const days: LocalDay[] = [];
  const last = formatDate(DateTime.fromMillis(to, { zone: TIME_ZONE }));
  // Local calendar days, so a 23- or 25-hour day is still one day.
  for (let d = parseDate(formatDate(DateTime.fromMillis(from, { zone: TIME_ZONE }))); ; d = d.plus({ days: 1 })) {
    const date = d.toISODate()!;
    if (date > last) break;
    days.push({ date, weekday: d.weekday });
  }
  const instants = new Map<string, number>();
  const localInstant = (date: string, time: string): number => {
    const key = `${date}T${time}`;
    let at = instants.get(key);
    if (at === undefined) {
      at = DateTime.fromISO(key, { zone: TIME_ZONE }).toMillis();
      instants.set(key, at);
    }
    return at;
  };
  return { from, to, days, localInstant };
}

/** The person's working time within [from, to). */
function workingSpans(hours: WeeklyHours[], ctx: ReturnType<typeof searchContext>): [number, number][] {
  const spans: [number, number][] = [];
  for (const { date, weekday } of ctx.days) {
    for (const h of hours) {
      if (h.weekday !== weekday) continue;
      spans.push([
        Math.max(ctx.from, ctx.localInstant(date, h.start)),
        Math.min(ctx.to, ctx.localInstant(date, h.end)),
      ]);
    }
  }
  return normalize(spans);
}

function subtract(free: [number, number][], busy: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [fs, fe] of free) {
    let cursor = fs;
    for (const [bs, be] of busy) {
      if (be <= cursor || bs >= fe) continue;
      if (bs > cursor) out.push([cursor, bs]);
      cursor = Math.max(cursor, be);
      if (cursor >= fe) break;
    }
    if (cursor < fe) out.push([cursor, fe]);
  }
  return out;
}

function intersect(a: [number, number][], b: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i][0], b[j][0]);
    const e = Math.min(a[i][1], b[j][1]);
    if (e > s) out.push([s, e]);
    if (a[i][1] < b[j][1]) i += 1;
    else j += 1;
  }
  return out;
}

/**
 * The time all of these people are free together within [from, to): inside everyone's working hours
 * (Europe/Copenhagen wall-clock time), outside everyone's busy spans; non-overlapping windows in time
 * order, each at least `durationMinutes` long. No calendars: no common time.
 */
export function findCommonSlots(input: {
  from: Date;
  to: Date;
  durationMinutes: number;
  calendars: StaffCalendar[];
}): Interval[] {
  const from = ms(input.from);
  const to = ms(input.to);
  if (!(to > from) || input.calendars.length === 0) return [];
  const ctx = searchContext(from, to);
  let common: [number, number][] | null = null;
  for (const cal of input.calendars) {
    const busy = normalize(cal.busy.map((b) => [ms(b.start), ms(b.end)]));
    const free = subtract(workingSpans(cal.hours, ctx), busy);
    common = common === null ? free : intersect(common, free);
  }
  const min = input.durationMinutes * 60_000;
  return normalize(common ?? [])
    .filter(([s, e]) => e - s >= min)
    .map(([s, e]) => ({ start: new Date(s), end: new Date(e) }));
}

const MINUTE_MS = 60_000;

/**
 * The exact start times a free window offers a meeting of `minutes` (proposals are times, not windows):
 * every `stepMinutes` from the window's first quarter hour, as long as the meeting ends inside the window.
 * Copenhagen's offsets are whole hours, so quarter hours in UTC are quarter hours there too.
 */
export function startTimes(window: Interval, minutes: number, stepMinutes = 30): Interval[] {
  const length = minutes * MINUTE_MS;
  const step = stepMinutes * MINUTE_MS;
  const quarter = 15 * MINUTE_MS;
  const end = window.end.getTime();
  const times: Interval[] = [];
  for (let at = Math.ceil(window.start.getTime() / quarter) * quarter; at + length <= end; at += step) {
    times.push({ start: new Date(at), end: new Date(at + length) });
  }
  return times;
}
