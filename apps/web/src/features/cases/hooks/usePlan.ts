import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateEffort, Plan, UpdateEffort, UpdatePlan } from '@tvaers/contracts';
import { createEffort, fetchPlan, recordPlanReview, updateEffort, updatePlan } from '@web/api/plans-api';
import { isPlanConflict } from '@web/shared/lib/errors';
import { queryKeys } from '@web/shared/query/query-keys';

/** Answers arriving out of order (a refetch racing a save) never take the page back to an older version. */
function keepNewerPlan(current: unknown, next: unknown): unknown {
  const older = current as Plan | undefined;
  return older && (next as Plan).version < older.version ? older : next;
}

export function usePlan(caseId: string) {
  return useQuery({
    queryKey: queryKeys.plan(caseId),
    queryFn: ({ signal }) => fetchPlan(caseId, signal),
    structuralSharing: keepNewerPlan,
  });
}

/**
 * Saves goals or contact plan on the version the user saw. On a conflict (412) the newest plan is
 * fetched and the error rethrown, so the editor keeps the user's text.
 */
export function useSavePlan(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, update }: { version: number; update: UpdatePlan }) => updatePlan(caseId, version, update),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.plan(caseId), saved),
    onError: (failure) => {
      if (isPlanConflict(failure)) void queryClient.invalidateQueries({ queryKey: queryKeys.plan(caseId) });
    },
  });
}

export function useRecordReview(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (workCapacityAssessed: boolean) => recordPlanReview(caseId, { workCapacityAssessed }),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.plan(caseId), saved),
  });
}

/**
 * Effort routes answer with the effort only; the plan (version, history) is fetched again. Naming a colleague
 * of the case's team owner makes them a member, so the case and its colleagues are fetched again too.
 */
function useEffortWrite<TInput>(
  caseId: string,
  write: (input: TInput) => Promise<unknown>,
  owner: (i: TInput) => unknown,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (_saved, input) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.plan(caseId) });
      if (owner(input)) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.case(caseId) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.caseColleagues(caseId) });
      }
    },
  });
}

export const useAddEffort = (caseId: string) =>
  useEffortWrite(
    caseId,
    (input: CreateEffort) => createEffort(caseId, input),
    (input) => input.ownerId,
  );

export const useChangeEffort = (caseId: string) =>
  useEffortWrite(
    caseId,
    ({ effortId, input }: { effortId: string; input: UpdateEffort }) => updateEffort(caseId, effortId, input),
    ({ input }) => input.ownerId,
  );
