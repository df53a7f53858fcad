import type { PlanVersion } from '@tvaers/contracts';
import { fetchPlanHistory } from '../../../api/plans-api';
import { useResource } from '../../../shared/hooks/useResource';
import type { Resource } from '../../../shared/hooks/useResource';

/**
 * The plan's versions; fetched again whenever the shown plan reaches a new version, or on a new
 * `epoch` (consent changed), as the health changes left out may change.
 */
export function usePlanHistory(caseId: string, version: number | undefined, epoch = 0): Resource<PlanVersion[]> {
  return useResource(version === undefined ? null : `history:${caseId}:${version}:${epoch}`, (signal) =>
    fetchPlanHistory(caseId, signal),
  );
}
