import type { Indicators } from '@tvaers/contracts';
import { fetchIndicators } from '../../../api/progress-api';
import { useResource } from '../../../shared/hooks/useResource';
import type { Resource } from '../../../shared/hooks/useResource';

/** The case's indicators; a new `epoch` (consent changed) fetches them again, as what is left out may change. */
export function useIndicators(caseId: string, epoch = 0): Resource<Indicators> {
  return useResource(`indicators:${caseId}:${epoch}`, (signal) => fetchIndicators(caseId, signal));
}
