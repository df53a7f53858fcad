import { useQuery } from '@tanstack/react-query';
import type { ScoreIndicators } from '@tvaers/contracts';
import { fetchIndicators, scoreIndicators } from '@web/api/progress-api';
import { queryKeys } from '@web/shared/query/query-keys';
import { useRefetchAfterWrite } from '@web/shared/hooks/useRefetchAfterWrite';

export function useIndicators(caseId: string) {
  return useQuery({
    queryKey: queryKeys.indicators(caseId),
    queryFn: ({ signal }) => fetchIndicators(caseId, signal),
  });
}

/** Records one round of scores; the answer has no trends, so they are fetched again. */
export const useScoreIndicators = (caseId: string) =>
  useRefetchAfterWrite(queryKeys.indicators(caseId), (input: ScoreIndicators) => scoreIndicators(caseId, input));
