import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SetBenefitWeights } from '@tvaers/contracts';
import { fetchBenefitWeights, setBenefitWeights } from '@web/api/caseload-api';
import { queryKeys } from '@web/shared/query/query-keys';

export function useBenefitWeights() {
  return useQuery({
    queryKey: queryKeys.benefitWeights,
    queryFn: ({ signal }) => fetchBenefitWeights(signal),
  });
}

export function useSetBenefitWeights() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetBenefitWeights) => setBenefitWeights(body),
    // The answer is the whole new list.
    onSuccess: (list) => queryClient.setQueryData(queryKeys.benefitWeights, list),
  });
}
