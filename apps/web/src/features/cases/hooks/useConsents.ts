import type { Consent } from '@tvaers/contracts';
import { fetchConsents } from '../../../api/citizens-api';
import { useResource } from '../../../shared/hooks/useResource';
import type { Resource } from '../../../shared/hooks/useResource';

export function useConsents(citizenId: string): Resource<Consent[]> {
  return useResource(`consents:${citizenId}`, (signal) => fetchConsents(citizenId, signal));
}
