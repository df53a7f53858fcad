import { toLocal } from './time';

/**
 * Caseload (sagsloft): the weighted number of active cases one person holds. Weights such as 0.5
 * or 1.5 are summed in whole hundredths, so 0.1 + 0.2 is 0.3 and a load never drifts past a ceiling.
 */

const toHundredths = (value: number): number => Math.round(value * 100);

/** Sum of the weights of active cases; cases without a status are taken as active. */
export function caseLoad(cases: readonly { weight: number; status?: string }[]): number {
  let sum = 0;
  for (const c of cases) if (c.status === undefined || c.status === 'active') sum += toHundredths(c.weight);
  return sum / 100;
}

/** Would taking a case of `addedWeight` pass the ceiling? Reaching it exactly is allowed. */
export function wouldExceedCeiling(currentLoad: number, addedWeight: number, ceiling: number): boolean {
  return toHundredths(currentLoad) + toHundredths(addedWeight) > toHundredths(ceiling);
}

export type CaseloadStatus = 'ok' | 'near' | 'over';

/** Share of the ceiling in use (1 = full), to four decimals; null without a (positive) ceiling. */
export function utilization(load: number, ceiling: number | null): number | null {
  if (ceiling === null || ceiling <= 0) return null;
  return Math.round((toHundredths(load) / toHundredths(ceiling)) * 10000) / 10000;
}

/** `ok` below 90 % of the ceiling, `near` from 90 % up to and including 100 %, `over` above. No ceiling: `ok`. */
export function caseloadStatus(load: number, ceiling: number | null): CaseloadStatus {
  if (ceiling === null) return 'ok';
  const l = toHundredths(load);
  const c = toHundredths(ceiling);
  if (l > c) return 'over';
  return l * 10 >= c * 9 ? 'near' : 'ok';
}

/** What a person's ceiling is made of: their own override, and per team its default and its target group's. */
export interface CeilingSources {
  person: number | null;
  teams: readonly { ceiling: number | null; targetGroupCeiling: number | null }[];
}

/**
 * Effective ceiling = the person's override ?? the team's default ?? the team's target group's default.
 * Someone in several teams gets the lowest of their teams' ceilings (the stricter protects their time);
 * null when nothing is set anywhere (no ceiling).
 */
export function effectiveCeiling({ person, teams }: CeilingSources): number | null {
  if (person !== null) return person;
  const fromTeams = teams.map((t) => t.ceiling ?? t.targetGroupCeiling).filter((c): c is number => c !== null);
  return fromTeams.length === 0 ? null : Math.min(...fromTeams);
}

/** Who has room for a case of `weight`: load + weight stays within the ceiling (no ceiling: always room). */
export function hasRoom(load: number, ceiling: number | null, weight: number): boolean {
  return ceiling === null || !wouldExceedCeiling(load, weight, ceiling);
}

/**
 * Whether a person of `staffDiscipline` counts as room for a case of `caseDiscipline` (null: a case nobody of a
 * discipline has held yet, which the unit opens as an employment case). Health staff hold health work only: they
 * are counted by their own discipline, never as room for others' cases.
 */
export function takesCasesOf(staffDiscipline: string, caseDiscipline: string | null): boolean {
  return staffDiscipline !== 'health' || caseDiscipline === 'health';
}

/** One change of a case's responsible person (case_assignment): null `from` is intake, null `to` closing or queueing. */
export interface AssignmentEvent {
  caseId: string;
  citizenId: string;
  fromStaffId: string | null;
  toStaffId: string | null;
  at: Date;
  weight: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const byTime = (a: AssignmentEvent, b: AssignmentEvent) => a.at.getTime() - b.at.getTime();

/**
 * Days (Copenhagen calendar days, counted back from `now`) on which a person's load was above `ceiling` at any
 * moment, reconstructed from the assignment history: each event sets (or ends) its case's contribution.
 */
export function daysOverCeiling(
  staffId: string,
  events: readonly AssignmentEvent[],
  ceiling: number | null,
  now: Date,
  days = 90,
): number {
  if (ceiling === null) return 0;
  const c = toHundredths(ceiling);
  const since = toLocal(now)
    .startOf('day')
    .minus({ days: days - 1 });
  const held = new Map<string, number>();
  let load = 0;
  const overDays = new Set<string>();
  let overSince: Date | null = null;
  const markSpan = (from: Date, to: Date) => {
    let d = toLocal(from < since.toJSDate() ? since.toJSDate() : from).startOf('day');
    const end = toLocal(to);
    while (d <= end) {
      overDays.add(d.toISODate()!);
      d = d.plus({ days: 1 });
    }
  };
  for (const e of [...events].sort(byTime)) {
    if (e.at > now) break;
    const before = held.get(e.caseId);
    if (before !== undefined && (e.fromStaffId === staffId || e.toStaffId === staffId)) {
      load -= before;
      held.delete(e.caseId);
    }
    if (e.toStaffId === staffId) {
      const w = toHundredths(e.weight);
      held.set(e.caseId, w);
      load += w;
    }
    if (load > c && overSince === null) overSince = e.at;
    if (load <= c && overSince !== null) {
      if (e.at >= since.toJSDate()) markSpan(overSince, e.at);
      overSince = null;
    }
  }
  if (overSince !== null) markSpan(overSince, now);
  return overDays.size;
}

/**
 * Continuity: per citizen, how many times their responsible caseworker changed to someone else within the window
 * (a first assignment is no change; a reopening by the same person neither).
 */
export function caseworkerChanges(
  events: readonly AssignmentEvent[],
  now: Date,
  months = 12,
): { citizens: number; changes: number; perCitizen: number; byCitizen: Record<string, number> } {
  const since = toLocal(now).minus({ months }).toJSDate();
  const last = new Map<string, string>();
  const byCitizen: Record<string, number> = {};
  for (const e of [...events].sort(byTime)) {
    if (e.at > now) break;
    const inWindow = e.at >= since;
    if (inWindow) byCitizen[e.citizenId] ??= 0;
    if (e.toStaffId === null) continue;
    const previous = last.get(e.citizenId);
    if (inWindow && previous !== undefined && previous !== e.toStaffId) byCitizen[e.citizenId] += 1;
    last.set(e.citizenId, e.toStaffId);
  }
  const citizens = Object.keys(byCitizen).length;
  const changes = Object.values(byCitizen).reduce((a, b) => a + b, 0);
  return {
    citizens,
    changes,
    perCitizen: citizens === 0 ? 0 : Math.round((changes / citizens) * 100) / 100,
    byCitizen,
  };
}

export interface CapacityForecast {
  capacity: number;
  load: number;
  /** Weighted cases opened and closed per week, averaged over the window. */
  intakePerWeek: number;
  closuresPerWeek: number;
  /** When load reaches capacity at the net rate; null when it does not grow (or no capacity is set). */
  runsOutAt: Date | null;
  /** Load is already at or above capacity. */
  full: boolean;
}

/**
 * When the team's capacity (sum of its people's ceilings) runs out if intake and closures go on as in the
 * last `weeks` weeks: linear, from the weighted cases opened and closed in that window.
 */
export function capacityForecast(input: {
  capacity: number | null;
  load: number;
  opened: readonly { at: Date; weight: number }[];
  closed: readonly { at: Date; weight: number }[];
  now: Date;
  weeks?: number;
}): CapacityForecast {
  const weeks = input.weeks ?? 8;
  const since = input.now.getTime() - weeks * 7 * DAY_MS;
  const sum = (xs: readonly { at: Date; weight: number }[]) =>
    xs.filter((x) => x.at.getTime() >= since && x.at <= input.now).reduce((a, x) => a + toHundredths(x.weight), 0);
  const intake = sum(input.opened) / weeks;
  const closures = sum(input.closed) / weeks;
  const capacity = input.capacity ?? 0;
  const free = toHundredths(capacity) - toHundredths(input.load);
  const net = intake - closures;
  const full = input.capacity !== null && free <= 0;
  let runsOutAt: Date | null = null;
  if (input.capacity !== null) {
    if (full) runsOutAt = input.now;
    else if (net > 0) runsOutAt = new Date(input.now.getTime() + (free / net) * 7 * DAY_MS);
  }
  return {
    capacity,
    load: input.load,
    intakePerWeek: Math.round(intake) / 100,
    closuresPerWeek: Math.round(closures) / 100,
    runsOutAt,
    full,
  };
}
