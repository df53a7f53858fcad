import { compareDanish } from './names';
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
const statusRank: Record<CaseloadStatus, number> = { over: 0, near: 1, ok: 2 };

/**
 * Who needs action first: over the ceiling, then near it, each by utilisation (highest first); no ceiling last.
 * The dashboard's order, and its CSV's.
 */
export function worstFirst<
  R extends { ceiling: number | null; status: CaseloadStatus; utilization: number | null; name: string },
>(rows: readonly R[]): R[] {
  const rank = (r: R) => (r.ceiling === null ? 3 : statusRank[r.status]);
  return [...rows].sort(
    (a, b) => rank(a) - rank(b) || (b.utilization ?? 0) - (a.utilization ?? 0) || compareDanish(a.name, b.name),
  );
}

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

/** One recorded value of a ceiling source, in force from `at` until the next record of the same source. */
export interface CeilingRecord {
  at: Date;
  ceiling: number | null;
  /** A team's record: the target group it had then (whose default applies when the team sets none). */
  targetGroupId?: string | null;
}

/** The recorded history of everything a person's ceiling is made of (their own, their teams', the groups'). */
export interface CeilingHistory {
  person: readonly CeilingRecord[];
  /** Per team the person belongs to, its records (ceiling and target group). */
  teams: readonly (readonly CeilingRecord[])[];
  /** Per target group id, its default ceiling's records. */
  targetGroups: Readonly<Record<string, readonly CeilingRecord[]>>;
}

/** The effective ceiling from `at` on (null: none), until the next step. */
export interface CeilingStep {
  at: Date;
  ceiling: number | null;
}

/** The record in force at `t`; before anything was recorded, the first known value applies. */
function recordAt(records: readonly CeilingRecord[], t: Date): CeilingRecord | undefined {
  let found: CeilingRecord | undefined;
  for (const r of records) {
    if (r.at <= t && (found === undefined || r.at >= found.at)) found = r;
  }
  return found ?? [...records].sort((a, b) => a.at.getTime() - b.at.getTime())[0];
}

/** The effective ceiling rule (own, else team, else target group default) applied to the values in force at `t`. */
export function ceilingAt(history: CeilingHistory, t: Date): number | null {
  const teams = history.teams.map((records) => {
    const team = recordAt(records, t);
    const group = team?.targetGroupId ? recordAt(history.targetGroups[team.targetGroupId] ?? [], t) : undefined;
    return { ceiling: team?.ceiling ?? null, targetGroupCeiling: group?.ceiling ?? null };
  });
  return effectiveCeiling({ person: recordAt(history.person, t)?.ceiling ?? null, teams });
}

/** A person's effective ceiling over time: one step from the beginning, then one wherever a source changed it. */
export function ceilingSteps(history: CeilingHistory): CeilingStep[] {
  const times = [...history.person, ...history.teams.flat(), ...Object.values(history.targetGroups).flat()].map((r) =>
    r.at.getTime(),
  );
  const steps: CeilingStep[] = [];
  for (const time of [0, ...[...new Set(times)].sort((a, b) => a - b)]) {
    const at = new Date(time);
    const ceiling = ceilingAt(history, at);
    if (steps.length === 0 || steps[steps.length - 1].ceiling !== ceiling) steps.push({ at, ceiling });
  }
  return steps;
}

/** One Copenhagen calendar day of a person's load history. */
export interface LoadDay {
  /** YYYY-MM-DD in Europe/Copenhagen. */
  date: string;
  /** Load and ceiling at the day's end (today: now). */
  load: number;
  ceiling: number | null;
  /** Above the ceiling in force at some moment of the day. */
  over: boolean;
}

let lastDays: { key: string; days: { date: string; start: number; next: number }[] } | undefined;

/** The last `days` Copenhagen calendar days up to `now`, each with its first instant and the next day's (kept for
 * the next call with the same `now`: a team's figures ask once per person). */
function calendarDays(now: Date, days: number) {
  const key = `${now.getTime()}/${days}`;
  if (lastDays?.key === key) return lastDays.days;
  const first = toLocal(now)
    .startOf('day')
    .minus({ days: days - 1 });
  const list = Array.from({ length: days }, (_, d) => {
    const start = first.plus({ days: d });
    return { date: start.toISODate()!, start: start.toMillis(), next: start.plus({ days: 1 }).toMillis() };
  });
  lastDays = { key, days: list };
  return list;
}

/**
 * The last `days` Copenhagen calendar days of a person's load against the ceiling in force at each moment, rebuilt
 * from the assignment history (each event sets or ends its case's contribution) and the ceiling's steps. A day is
 * over when, at any moment of it, the load was above the ceiling in force at that moment: a ceiling lowered today
 * makes at most today over, never the days before it.
 */
export function loadHistory(
  staffId: string,
  events: readonly AssignmentEvent[],
  ceiling: number | null | readonly CeilingStep[],
  now: Date,
  days = 90,
): LoadDay[] {
  const steps: readonly CeilingStep[] = Array.isArray(ceiling)
    ? ceiling
    : [{ at: new Date(0), ceiling: ceiling as number | null }];
  // Changes of load and ceiling in time order; a segment runs from one change time to the next.
  const changes: { at: number; load?: number; ceiling?: number | null }[] = [];
  const held = new Map<string, number>();
  let load = 0;
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
    changes.push({ at: e.at.getTime(), load });
  }
  for (const s of steps) {
    if (s.at <= now) changes.push({ at: s.at.getTime(), ceiling: s.ceiling === null ? null : toHundredths(s.ceiling) });
  }
  changes.sort((a, b) => a.at - b.at);
  const segments: { from: number; to: number; load: number; ceiling: number | null }[] = [];
  let current = { from: -Infinity, load: 0, ceiling: steps.length ? steps[0].ceiling : null };
  if (current.ceiling !== null) current.ceiling = toHundredths(current.ceiling);
  for (const c of changes) {
    if (c.at > current.from) {
      segments.push({ ...current, to: c.at });
      current = { ...current, from: c.at };
    }
    if (c.load !== undefined) current.load = c.load;
    if (c.ceiling !== undefined) current.ceiling = c.ceiling;
  }
  segments.push({ ...current, to: Infinity });

  const result: LoadDay[] = [];
  let i = 0;
  for (const day of calendarDays(now, days)) {
    const dayStart = day.start;
    // Today ends now; an earlier day at its last millisecond.
    const dayEnd = Math.min(day.next - 1, now.getTime());
    while (segments[i].to <= dayStart) i++;
    let over = false;
    let j = i;
    for (; segments[j].from <= dayEnd; j++) {
      const s = segments[j];
      if (s.to > s.from && s.ceiling !== null && s.load > s.ceiling) over = true;
      if (s.to > dayEnd) break;
    }
    const last = segments[j];
    result.push({
      date: day.date,
      load: last.load / 100,
      ceiling: last.ceiling === null ? null : last.ceiling / 100,
      over,
    });
  }
  return result;
}

/**
 * Days (Copenhagen calendar days, counted back from `now`) on which a person's load was above the ceiling in force
 * at that moment (a number: the same ceiling throughout; steps: as it changed), from the assignment history.
 */
export function daysOverCeiling(...history: Parameters<typeof loadHistory>): number {
  return loadHistory(...history).filter((d) => d.over).length;
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
