import { Indicators } from '@tvaers/contracts';
import type { ScoreIndicators } from '@tvaers/contracts';
import { request } from './http-client';

const indicatorsPath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/indicators`;

export type IndicatorTrend = Indicators['items'][number];

/** The progress indicators' scores over time, by the citizen and by the caseworker. */
export function fetchIndicators(caseId: string, signal?: AbortSignal): Promise<Indicators> {
  return request(indicatorsPath(caseId), Indicators, { signal });
}

/**
 * Records one round of scores. Scoring health_mastery without seeing health data rejects with an
 * ApiError 403 `HEALTH_CONSENT_REQUIRED`.
 */
export async function scoreIndicators(caseId: string, input: ScoreIndicators): Promise<void> {
  await request(indicatorsPath(caseId), undefined, { method: 'POST', body: input });
}
