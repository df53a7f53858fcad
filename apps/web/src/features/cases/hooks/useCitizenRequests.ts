import type { CitizenRequest } from '@tvaers/contracts';
import { fetchCitizenRequests } from '../../../api/requests-api';
import { useResource } from '../../../shared/hooks/useResource';
import type { Resource } from '../../../shared/hooks/useResource';

export function useCitizenRequests(caseId: string): Resource<CitizenRequest[]> {
  return useResource(`requests:${caseId}`, (signal) => fetchCitizenRequests(caseId, signal));
}
