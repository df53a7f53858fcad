import { useQuery } from '@tanstack/react-query';
import type { CreateCitizenRequest, DecideCitizenRequest } from '@tvaers/contracts';
import { createCitizenRequest, decideCitizenRequest, fetchCitizenRequests } from '@web/api/requests-api';
import { queryKeys } from '@web/shared/query/query-keys';
import { useRefetchAfterWrite } from '@web/shared/hooks/useRefetchAfterWrite';

export function useCitizenRequests(caseId: string) {
  return useQuery({
    queryKey: queryKeys.requests(caseId),
    queryFn: ({ signal }) => fetchCitizenRequests(caseId, signal),
  });
}

// Request writes answer without the list (deadlines are the server's): it is fetched again.
export const useCreateRequest = (caseId: string) =>
  useRefetchAfterWrite(queryKeys.requests(caseId), (input: CreateCitizenRequest) =>
    createCitizenRequest(caseId, input),
  );

export const useDecideRequest = (caseId: string) =>
  useRefetchAfterWrite(
    queryKeys.requests(caseId),
    ({ requestId, input }: { requestId: string; input: DecideCitizenRequest }) =>
      decideCitizenRequest(caseId, requestId, input),
  );
