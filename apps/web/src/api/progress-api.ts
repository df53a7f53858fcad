import { Indicators } from '@tvaers/contracts';
import type { ScoreIndicators } from '@tvaers/contracts';
import { api, unwrap } from './http-client';

export type IndicatorTrend = Indicators['items'][number];

/** The progress indicators' scores over time, by the citizen and by the caseworker. */
export function fetchIndicators(caseId: string, signal?: AbortSignal): Promise<Indicators> {
  return unwrap(api.GET('/api/cases/{id}/indicators', { params: { path: { id: caseId } }, signal }), Indicators);
}

/**
 * Records one round of scores. Scoring health_mastery without seeing health data rejects with an
 * ApiError 403 `HEALTH_CONSENT_REQUIRED`.
 */
export async function scoreIndicators(caseId: string, input: ScoreIndicators): Promise<void> {
  await unwrap(api.POST('/api/cases/{id}/indicators', { params: { path: { id: caseId } }, body: input }));
}
