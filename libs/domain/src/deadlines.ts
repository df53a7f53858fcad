import {
  type Instant,
  addDays,
  addMonths,
  endOfLocalDate,
  isDateString,
  localDate,
  toLocal,
  toLocalDate,
} from './time';

/**
 * Days to decide on a citizen's request for an effort or a conversation. The law sets no single
 * number: the municipality must set and publish its own decision deadlines (retssikkerhedsloven
 * § 3, stk. 2). One week is Tværs' default; pass the municipality's own value where it differs.
 */
export const DEFAULT_DECISION_DAYS = 7;

/** An exemption from activity (fritagelse) is decided for at most six months at a time. */
const MAX_EXEMPTION_MONTHS = 6;

/** The shared plan is followed up at least every 12 months (årlig opfølgning). */
const PLAN_REVIEW_MONTHS = 12;

/** Afklaringsgaranti: assessment and plan within 12 months of kontanthjælp start, then yearly. */
const CLARIFICATION_MONTHS = 12;

const DEFAULT_SOON_DAYS = 14;

/** `dueDate` is the last local day (inclusive); `dueAt` the UTC instant at which that day ends. */
export interface Deadline {
  dueDate: string;
  dueAt: Date;
}

/**
 * "Within N days" of receipt: counted in Copenhagen calendar days from the local day of receipt,
 * so a daylight-saving change never moves the deadline by an hour.
 */
export function decisionDeadline(receivedAt: Instant, days: number = DEFAULT_DECISION_DAYS): Deadline {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Invalid number of days: ${days}`);
  const dueDate = addDays(localDate(receivedAt), days);
  return { dueDate, dueAt: endOfLocalDate(dueDate) };
}

export type ExemptionCheck =
  | { ok: true; latestEndDate: string }
  | { ok: false; code: 'EXEMPTION_INVALID_RANGE' | 'EXEMPTION_TOO_LONG'; latestEndDate: string | null };

/** Last allowed (inclusive) end date: the day before start + 6 calendar months (31 Jan → 30 Jul). */
function exemptionLatestEnd(startDate: string): string {
  return addDays(addMonths(startDate, MAX_EXEMPTION_MONTHS), -1);
}

/** Validates an exemption period [startDate, endDate], both inclusive 'YYYY-MM-DD'. */
export function exemptionPeriod(startDate: string, endDate: string): ExemptionCheck {
  if (!isDateString(startDate)) return { ok: false, code: 'EXEMPTION_INVALID_RANGE', latestEndDate: null };
  const latestEndDate = exemptionLatestEnd(startDate);
  if (!isDateString(endDate) || endDate < startDate) {
    return { ok: false, code: 'EXEMPTION_INVALID_RANGE', latestEndDate };
  }
  if (endDate > latestEndDate) return { ok: false, code: 'EXEMPTION_TOO_LONG', latestEndDate };
  return { ok: true, latestEndDate };
}

/**
 * Next yearly plan review: 12 months after the last review, or after the plan's creation if it
 * was never reviewed. Accepts a date or an instant (its Copenhagen date). 29 Feb → 28 Feb.
 */
export function nextPlanReviewDue(lastReviewOrCreated: Instant): string {
  return addMonths(toLocalDate(lastReviewOrCreated), PLAN_REVIEW_MONTHS);
}

export interface ClarificationInput {
  benefit: string;
  benefitStart?: string | null;
  lastAssessmentDate?: string | null;
}

/**
 * Afklaringsgaranti due date, or null when it does not apply. It applies to kontanthjælp only:
 * the guarantee is written for social assistance recipients; uddannelseshjælp recipients follow
 * the education track (uddannelsespålæg) instead. Due 12 months after benefit start, then 12
 * months after the last assessment. An assessment before the current benefit start (an earlier
 * benefit period) does not count.
 */
export function clarificationGuaranteeDue(input: ClarificationInput): string | null {
  if (input.benefit !== 'kontanthjaelp' || !input.benefitStart) return null;
  const start = toLocalDate(input.benefitStart);
  const last = input.lastAssessmentDate ? toLocalDate(input.lastAssessmentDate) : null;
  return addMonths(last !== null && last >= start ? last : start, CLARIFICATION_MONTHS);
}

/**
 * A doctor's health statement replaces a medical certificate: the case's responsible person reads it within
 * a working week of its arrival (the unit's own rule, not a statutory deadline), so the worklist carries it.
 */
export const HEALTH_STATEMENT_READ_DAYS = 5;

/** The date by which a health statement that arrived at `receivedAt` is to be read. */
export function healthStatementReadDue(receivedAt: Instant): string {
  return addDays(toLocalDate(receivedAt), HEALTH_STATEMENT_READ_DAYS);
}

export type DueStatus = 'overdue' | 'due_soon' | 'ok';

/** Overdue once `now` reaches `dueAt`; due soon when `dueAt` is within `soonDays` calendar days. */
export function classifyDue(dueAt: Instant, now: Instant, soonDays: number = DEFAULT_SOON_DAYS): DueStatus {
  const due = toLocal(dueAt);
  const current = toLocal(now);
  if (current.toMillis() >= due.toMillis()) return 'overdue';
  return due.toMillis() <= current.plus({ days: soonDays }).toMillis() ? 'due_soon' : 'ok';
}

const STATUS_RANK: Record<DueStatus, number> = { overdue: 0, due_soon: 1, ok: 2 };

/** The item with its due status added. */
export function worklistItem<T extends { dueAt: Instant }>(
  item: T,
  now: Instant,
  soonDays: number = DEFAULT_SOON_DAYS,
): T & { status: DueStatus } {
  return { ...item, status: classifyDue(item.dueAt, now, soonDays) };
}

/** Overdue first, then due soon, then the rest; by due time within each; ties keep input order. */
export function sortWorklist<T extends { dueAt: Instant; status: DueStatus }>(items: readonly T[]): T[] {
  return items
    .map((item) => ({ item, at: toLocal(item.dueAt).toMillis() }))
    .sort((a, b) => STATUS_RANK[a.item.status] - STATUS_RANK[b.item.status] || a.at - b.at)
    .map(({ item }) => item);
}

/** Classifies and sorts in one go. */
export function buildWorklist<T extends { dueAt: Instant }>(
  items: readonly T[],
  now: Instant,
  soonDays: number = DEFAULT_SOON_DAYS,
): (T & { status: DueStatus })[] {
  return sortWorklist(items.map((item) => worklistItem(item, now, soonDays)));
}
