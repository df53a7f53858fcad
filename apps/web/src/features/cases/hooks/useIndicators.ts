import { fetchIndicators } from '../../../api/progress-api';
import type { IndicatorTrend } from '../../../api/progress-api';
import { useResource } from '../../../shared/hooks/useResource';
import type { Resource } from '../../../shared/hooks/useResource';

export function useIndicators(caseId: string): Resource<IndicatorTrend[]> {
  return useResource(`indicators:${caseId}`, (signal) => fetchIndicators(caseId, signal));
}
