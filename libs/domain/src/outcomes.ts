import { DateTime } from 'luxon';
import { type Instant, TIME_ZONE, toLocal } from './time';

/**
 * Outcome figures for managers: progress rather than meeting counts. Pure arithmetic;
 * the API fetches the rows and applies access and health rules before calling these.
 */

const DAY_MS = 86_400_000;

/** The median of the values (mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The Copenhagen calendar quarter of an instant, e.g. '2026-Q1' (a close just after local midnight on 1 April is Q2). */
export function quarterOf(instant: Instant): string {
  const local = toLocal(instant);
  return `${local.year}-Q${local.quarter}`;
}

/** Whole days from one instant to another, in Copenhagen calendar days (a DST night is still one day). */
export function daysBetween(from: Instant, to: Instant): number {
  const a = toLocal(from).startOf('day');
  const b = toLocal(to).startOf('day');
  return Math.round(b.diff(a, 'days').days);
}

export type OutcomeTrend = 'rose' | 'held' | 'fell' | 'unknown';

export interface Rating {
  key: string;
  score: number;
  at: Date;
}

/** The start of the trend window: six calendar months before its end, in Copenhagen time. */
export function trendWindowStart(end: Date): Date {
  return DateTime.fromJSDate(end).setZone(TIME_ZONE).minus({ months: 6 }).toJSDate();
}

/**
 * One rater's trend (the citizen's or the caseworker's) over the six months ending at `end`.
 * Per indicator: the baseline is the latest rating at or before the window start, or else the first
 * rating inside the window; the result is the latest rating at or before `end`. An indicator counts
 * only when baseline and result are two different ratings. The trend is the sign of the summed changes
 * of the counted indicators (rose > 0, held = 0, fell < 0); `unknown` when no indicator counts.
 */
export function ratingTrend(ratings: readonly Rating[], end: Date): OutcomeTrend {
  const start = trendWindowStart(end).getTime();
  const byKey = new Map<string, Rating[]>();
  for (const r of ratings) {
    if (r.at.getTime() > end.getTime()) continue;
    byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
  }
  let counted = 0;
  let sum = 0;
  for (const series of byKey.values()) {
    const sorted = [...series].sort((a, b) => a.at.getTime() - b.at.getTime());
    const before = sorted.filter((r) => r.at.getTime() <= start);
    const baseline = before.at(-1) ?? sorted[0];
    const result = sorted.at(-1)!;
    if (baseline === result) continue;
    counted++;
    sum += result.score - baseline.score;
  }
  if (counted === 0) return 'unknown';
  return sum > 0 ? 'rose' : sum < 0 ? 'fell' : 'held';
}

/**
 * Whether a citizen's agreed contact interval was kept in a window (the period, cut to the case's
 * opening and closing, and to `now` for a period not yet over). The checkpoints are the window start,
 * every held meeting inside the window (its time, oldest first) and the window end; the interval is
 * kept when no two consecutive checkpoints lie more than `intervalDays` × 24 hours apart. A window
 * shorter than the interval is kept without a meeting. Null when the window is empty.
 */
export function contactIntervalKept(
  intervalDays: number,
  window: { start: Date; end: Date },
  heldAt: readonly Date[],
): boolean | null {
  const start = window.start.getTime();
  const end = window.end.getTime();
  if (end <= start) return null;
  const points = [
    start,
    ...heldAt
      .map((d) => d.getTime())
      .filter((t) => t >= start && t <= end)
      .sort((a, b) => a - b),
    end,
  ];
  const limit = intervalDays * DAY_MS;
  return points.every((t, i) => i === 0 || t - points[i - 1] <= limit);
}

/** The window a case is measured in: the period cut to the case's life and to now. */
export function caseWindow(
  period: { start: Date; end: Date },
  k: { openedAt: Date; closedAt: Date | null },
  now: Date,
): { start: Date; end: Date } {
  const start = Math.max(period.start.getTime(), k.openedAt.getTime());
  const end = Math.min(period.end.getTime(), k.closedAt?.getTime() ?? Infinity, now.getTime());
  return { start: new Date(start), end: new Date(end) };
}

export const closeOutcomes = ['job', 'education', 'flexjob', 'other'] as const;
export type CloseOutcome = (typeof closeOutcomes)[number];

export interface Closure {
  caseId: string;
  outcome: CloseOutcome;
  openedAt: Date;
  closedAt: Date;
}

export interface ClosureRow {
  quarter: string;
  outcome: CloseOutcome;
  count: number;
  /** Median Copenhagen calendar days from the case's opening to its closing. */
  medianDays: number | null;
  caseIds: string[];
}

/** Closed cases per Copenhagen quarter of closing and outcome (quarters oldest first, outcomes in their order). */
export function closuresByQuarter(closures: readonly Closure[]): ClosureRow[] {
  const groups = new Map<string, Closure[]>();
  for (const c of closures) {
    const key = `${quarterOf(c.closedAt)}|${c.outcome}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.entries()]
    .map(([key, items]) => {
      const [quarter, outcome] = key.split('|') as [string, CloseOutcome];
      return {
        quarter,
        outcome,
        count: items.length,
        medianDays: median(items.map((c) => daysBetween(c.openedAt, c.closedAt))),
        caseIds: items.map((c) => c.caseId).sort(),
      };
    })
    .sort((a, b) =>
      a.quarter === b.quarter
        ? closeOutcomes.indexOf(a.outcome) - closeOutcomes.indexOf(b.outcome)
        : a.quarter.localeCompare(b.quarter),
    );
}
