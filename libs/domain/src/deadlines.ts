import { compareDanish } from './names';
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

/** The item with its due status added. */
export function worklistItem<T extends { dueAt: Instant }>(
  item: T,
  now: Instant,
  soonDays: number = DEFAULT_SOON_DAYS,
): T & { status: DueStatus } {
  return { ...item, status: classifyDue(item.dueAt, now, soonDays) };
}

/**
 * A worklist item's place in the list: its due date, the citizen's name, the case, the kind and the row it comes
 * from (a request, an exemption, a statement; empty for the case's own deadlines).
 */
export type WorklistKey = readonly [dueDate: string, citizenName: string, caseId: string, kind: string, ref: string];

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The worklist's one order: by due date. The status follows from the due date (overdue, due soon, the rest as the
 * date grows), so this is also "overdue first", and a page's cursor stays valid when a status changes between two
 * pages. Ties: names as Danish readers sort them, then code-unit order, case, kind and row, so the order is total.
 */
export function compareWorklistKeys(a: WorklistKey, b: WorklistKey): number {
  return (
    byCode(a[0], b[0]) ||
    compareDanish(a[1], b[1]) ||
    byCode(a[1], b[1]) ||
    byCode(a[2], b[2]) ||
    byCode(a[3], b[3]) ||
    byCode(a[4], b[4])
  );
}
