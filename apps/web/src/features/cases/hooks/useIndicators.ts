import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ScoreIndicators } from '@tvaers/contracts';
import { fetchIndicators, scoreIndicators } from '@web/api/progress-api';
import { queryKeys } from '@web/shared/query/query-keys';

export function useIndicators(caseId: string) {
  return useQuery({
    queryKey: queryKeys.indicators(caseId),
    queryFn: ({ signal }) => fetchIndicators(caseId, signal),
  });
}

/** Records one round of scores; the answer has no trends, so they are fetched again. */
export function useScoreIndicators(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ScoreIndicators) => scoreIndicators(caseId, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.indicators(caseId) }),
  });
}
