import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Case, UpdateCase } from '@tvaers/contracts';
import { fetchCase, removeCaseMember, updateCase } from '@web/api/cases-api';
import { queryKeys } from '@web/shared/query/query-keys';

export function useCase(caseId: string) {
  return useQuery({ queryKey: queryKeys.case(caseId), queryFn: ({ signal }) => fetchCase(caseId, signal) });
}

/** A write answered with the whole case: the case takes it, and every case list is fetched again. */
function caseSaved(queryClient: QueryClient, saved: Case) {
  queryClient.setQueryData(queryKeys.case(saved.id), saved);
  void queryClient.invalidateQueries({ queryKey: queryKeys.allCases });
}

/** Changes a case (e.g. closes it with its outcome). */
export function useUpdateCase(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateCase) => updateCase(caseId, input),
    onSuccess: (saved) => caseSaved(queryClient, saved),
  });
}

/** Takes a member off the case. */
export function useRemoveCaseMember(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (staffId: string) => removeCaseMember(caseId, staffId),
    onSuccess: (saved) => caseSaved(queryClient, saved),
  });
}
