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
