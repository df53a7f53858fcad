import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateCitizenRequest, DecideCitizenRequest } from '@tvaers/contracts';
import { createCitizenRequest, decideCitizenRequest, fetchCitizenRequests } from '@web/api/requests-api';
import { queryKeys } from '@web/shared/query/query-keys';

export function useCitizenRequests(caseId: string) {
  return useQuery({
    queryKey: queryKeys.requests(caseId),
    queryFn: ({ signal }) => fetchCitizenRequests(caseId, signal),
  });
}

// Request writes answer without the list (deadlines are the server's): it is fetched again.
export function useCreateRequest(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCitizenRequest) => createCitizenRequest(caseId, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.requests(caseId) }),
  });
}

export function useDecideRequest(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, input }: { requestId: string; input: DecideCitizenRequest }) =>
      decideCitizenRequest(caseId, requestId, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.requests(caseId) }),
  });
}
