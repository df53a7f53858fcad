import type { PlanVersion } from '@tvaers/contracts';
import { fetchPlanHistory } from '../../../api/plans-api';
import { useResource } from '../../../shared/hooks/useResource';
import type { Resource } from '../../../shared/hooks/useResource';

/** The plan's versions; fetched again whenever the shown plan reaches a new version. */
export function usePlanHistory(caseId: string, version: number | undefined): Resource<PlanVersion[]> {
  return useResource(version === undefined ? null : `history:${caseId}:${version}`, (signal) =>
    fetchPlanHistory(caseId, signal),
  );
}
