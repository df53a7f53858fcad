import type { Case } from '@tvaers/contracts';
import { fetchCase } from '../../../api/cases-api';
import { useResource } from '../../../shared/hooks/useResource';
import type { Resource } from '../../../shared/hooks/useResource';

export function useCase(caseId: string): Resource<Case> {
  return useResource(`case:${caseId}`, (signal) => fetchCase(caseId, signal));
}
