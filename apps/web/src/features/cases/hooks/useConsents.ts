import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Consent, ConsentScope } from '@tvaers/contracts';
import { fetchConsents, setConsent } from '@web/api/citizens-api';
import { queryKeys } from '@web/shared/query/query-keys';

export function useConsents(citizenId: string) {
  return useQuery({
    queryKey: queryKeys.consents(citizenId),
    queryFn: ({ signal }) => fetchConsents(citizenId, signal),
  });
}

/** Records giving or withdrawing one consent; the answer replaces that consent in the list. */
export function useSetConsent(citizenId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ scope, given }: { scope: ConsentScope; given: boolean }) => setConsent(citizenId, scope, { given }),
    onSuccess: (updated: Consent) =>
      queryClient.setQueryData<Consent[]>(queryKeys.consents(citizenId), (consents = []) => [
        ...consents.filter((consent) => consent.scope !== updated.scope),
        updated,
      ]),
  });
}

/**
 * Consent decides what the API leaves out of the case's plan, history and indicators: after a change
 * (or a refusal showing it changed elsewhere) they are fetched again.
 */
export function useConsentChanged(caseId: string, citizenId: string) {
  const queryClient = useQueryClient();
  return {
    changed: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.plan(caseId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.indicators(caseId) });
    },
    refused: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.consents(citizenId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.plan(caseId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.indicators(caseId) });
    },
  };
}
