import { Indicators } from '@tvaers/contracts';
import type { ScoreIndicators } from '@tvaers/contracts';
import { request } from './http-client';

const indicatorsPath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/indicators`;

export type IndicatorTrend = Indicators['items'][number];

/** The progress indicators' scores over time, by the citizen and by the caseworker. */
export async function fetchIndicators(caseId: string, signal?: AbortSignal): Promise<IndicatorTrend[]> {
  const { items } = await request(indicatorsPath(caseId), Indicators, { signal });
  return items;
}

export async function scoreIndicators(caseId: string, input: ScoreIndicators): Promise<void> {
  await request(indicatorsPath(caseId), undefined, { method: 'POST', body: input });
}
