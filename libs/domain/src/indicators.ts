export type Trend = 'up' | 'down' | 'flat' | 'unknown';

/**
 * The direction of a progress indicator from its latest two ratings: the citizen's own, when they have
 * rated it at least twice, otherwise the caseworker's. Series are oldest first.
 */
export function indicatorTrend(citizen: readonly { score: number }[], caseworker: readonly { score: number }[]): Trend {
  const basis = citizen.length >= 2 ? citizen : caseworker;
  const [prev, last] = basis.slice(-2);
  if (!prev || !last) return 'unknown';
  return last.score > prev.score ? 'up' : last.score < prev.score ? 'down' : 'flat';
}
