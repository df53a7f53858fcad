/**
 * Caseload (sagsloft): the weighted number of active cases one person holds. Weights such as 0.5
 * or 1.5 are summed in whole hundredths, so 0.1 + 0.2 is 0.3 and a load never drifts past a ceiling.
 */

export type CaseloadStatus = 'ok' | 'near' | 'over';

export const DEFAULT_NEAR_THRESHOLD = 0.9;

const toHundredths = (value: number): number => Math.round(value * 100);

/** A case weight is a positive number with at most two decimals. */
export function isValidCaseWeight(weight: number): boolean {
  return Number.isFinite(weight) && weight > 0 && Math.abs(weight * 100 - toHundredths(weight)) < 1e-6;
}

/** Sum of the weights of active cases; cases without a status are taken as active. */
export function caseLoad(cases: readonly { weight: number; status?: string }[]): number {
  let sum = 0;
  for (const c of cases) if (c.status === undefined || c.status === 'active') sum += toHundredths(c.weight);
  return sum / 100;
}

/** load / ceiling; a ceiling of 0 gives 0 for no load and Infinity otherwise. */
export function utilization(load: number, ceiling: number): number {
  const l = toHundredths(load);
  const c = toHundredths(ceiling);
  if (c <= 0) return l > 0 ? Infinity : 0;
  return l / c;
}

/** 'over' when load > ceiling, 'near' when load / ceiling >= nearThreshold, else 'ok'. */
export function caseloadStatus(
  load: number,
  ceiling: number,
  nearThreshold: number = DEFAULT_NEAR_THRESHOLD,
): CaseloadStatus {
  if (toHundredths(load) > toHundredths(ceiling)) return 'over';
  if (toHundredths(ceiling) <= 0) return 'ok';
  return utilization(load, ceiling) >= nearThreshold ? 'near' : 'ok';
}

/** Would taking a case of `addedWeight` pass the ceiling? Reaching it exactly is allowed. */
export function wouldExceedCeiling(currentLoad: number, addedWeight: number, ceiling: number): boolean {
  return toHundredths(currentLoad) + toHundredths(addedWeight) > toHundredths(ceiling);
}
