import type { CreateEffort, Plan, UpdateEffort, UpdatePlan } from '@tvaers/contracts';
import { useCallback } from 'react';
import { createEffort, fetchPlan, recordPlanReview, updateEffort, updatePlan } from '../../../api/plans-api';
import { isPlanConflict } from '../../../shared/lib/errors';
import { useResource } from '../../../shared/hooks/useResource';

export interface PlanState {
  plan: Plan | undefined;
  loading: boolean;
  error: unknown;
  reload: () => void;
  /** Saves goals or contact plan on the shown version; on a conflict the newest plan is loaded and the error rethrown. */
  save: (update: UpdatePlan) => Promise<Plan>;
  addEffort: (input: CreateEffort) => Promise<void>;
  changeEffort: (effortId: string, input: UpdateEffort) => Promise<void>;
  recordReview: (workCapacityAssessed: boolean) => Promise<void>;
}

/** Answers arriving out of order (a reload racing a save) never take the page back to an older version. */
const newerOrSame = (current: Plan, next: Plan) => next.version >= current.version;

export function usePlan(caseId: string): PlanState {
  const {
    data: plan,
    loading,
    error,
    reload,
    replace,
  } = useResource(`plan:${caseId}`, (signal) => fetchPlan(caseId, signal), { accept: newerOrSame });

  const save = useCallback(
    async (update: UpdatePlan) => {
      if (!plan) throw new Error('The plan is not loaded yet');
      try {
        const saved = await updatePlan(caseId, plan.version, update);
        replace(saved);
        return saved;
      } catch (failure) {
        if (isPlanConflict(failure)) reload();
        throw failure;
      }
    },
    [caseId, plan, reload, replace],
  );

  // Effort routes answer with the effort; the plan (version, history) is fetched again.
  const addEffort = useCallback(
    async (input: CreateEffort) => {
      await createEffort(caseId, input);
      reload();
    },
    [caseId, reload],
  );

  const changeEffort = useCallback(
    async (effortId: string, input: UpdateEffort) => {
      await updateEffort(caseId, effortId, input);
      reload();
    },
    [caseId, reload],
  );

  const recordReview = useCallback(
    async (workCapacityAssessed: boolean) => {
      replace(await recordPlanReview(caseId, { workCapacityAssessed }));
    },
    [caseId, replace],
  );

  return { plan, loading, error, reload, save, addEffort, changeEffort, recordReview };
}
