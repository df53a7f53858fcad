import { DateTime } from 'luxon';
import { Instant, toLocal } from './time';

export interface Interval {
  start: Date;
  end: Date;
}

/** Local working hours in Europe/Copenhagen; `days` are ISO weekdays (1 = Monday … 7 = Sunday). */
export interface WorkingHours {
  start: string;
  end: string;
  days: readonly number[];
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { start: '08:00', end: '16:00', days: [1, 2, 3, 4, 5] };

export interface SlotQuery {
  busy: readonly { start: Instant; end: Instant }[];
  from: Instant;
  to: Instant;
  durationMinutes: number;
  workingHours?: WorkingHours;
}

type Span = [start: number, end: number];

/** 'HH:MM' as minutes after local midnight; '24:00' is allowed as an end. */
function minutesOf(time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/.exec(time);
  if (!match) throw new RangeError(`Invalid time, expected HH:MM: ${time}`);
  return match[1] === undefined ? 24 * 60 : Number(match[1]) * 60 + Number(match[2]);
}

/** Wall-clock time on a local day; set in the zone, so 08:00 is 08:00 on both sides of a DST change. */
function atMinutes(day: DateTime, minutes: number): number {
  if (minutes === 24 * 60) return day.plus({ days: 1 }).toMillis();
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
}

/** Sorts and merges overlapping or touching spans. */
function merge(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last: Span | undefined = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** Sorted, disjoint windows minus sorted, merged busy spans. */
function subtract(windows: Span[], busy: Span[]): Span[] {
  const free: Span[] = [];
  let j = 0;
  for (const [start, end] of windows) {
    while (j < busy.length && busy[j][1] <= start) j++;
    let cursor = start;
    for (let k = j; k < busy.length && busy[k][0] < end; k++) {
      if (busy[k][0] > cursor) free.push([cursor, busy[k][0]]);
      cursor = Math.max(cursor, busy[k][1]);
    }
    if (cursor < end) free.push([cursor, end]);
  }
  return free;
}

/**
 * Common free time: the parts of [from, to] inside local working hours that no busy interval
 * covers, merged into maximal windows, keeping those at least `durationMinutes` long, in time order.
 */
export function findCommonSlots(query: SlotQuery): Interval[] {
  const { durationMinutes, workingHours = DEFAULT_WORKING_HOURS } = query;
  if (!Number.isFinite(durationMinutes) || durationMinutes <= 0) {
    throw new RangeError(`Invalid durationMinutes: ${durationMinutes}`);
  }
  const dayStart = minutesOf(workingHours.start);
  const dayEnd = minutesOf(workingHours.end);
  if (dayEnd <= dayStart) throw new RangeError('Working hours must end after they start');
  const from = toLocal(query.from);
  const to = toLocal(query.to);

  const windows: Span[] = [];
  for (let day = from.startOf('day'); day < to; day = day.plus({ days: 1 })) {
    if (!workingHours.days.includes(day.weekday)) continue;
    const start = Math.max(atMinutes(day, dayStart), from.toMillis());
    const end = Math.min(atMinutes(day, dayEnd), to.toMillis());
    if (end > start) windows.push([start, end]);
  }
  const busy = merge(
    query.busy
      .map((b): Span => [toLocal(b.start).toMillis(), toLocal(b.end).toMillis()])
      .filter(([start, end]) => end > start),
  );
  const minLength = durationMinutes * 60_000;
  return merge(subtract(windows, busy))
    .filter(([start, end]) => end - start >= minLength)
    .map(([start, end]) => ({ start: new Date(start), end: new Date(end) }));
}
