import { CitizenRequestList } from '@tvaers/contracts';
import type { CitizenRequest, CreateCitizenRequest, DecideCitizenRequest } from '@tvaers/contracts';
import { api, unwrap, unwrapItems } from './http-client';

/** The citizen's requests (for an effort or a conversation) and the decisions on them. */
export function fetchCitizenRequests(caseId: string, signal?: AbortSignal): Promise<CitizenRequest[]> {
  return unwrapItems(
    api.GET('/api/cases/{id}/requests', { params: { path: { id: caseId } }, signal }),
    CitizenRequestList,
  );
}

/** Records a request; the list is fetched again afterwards, so the answer's body is not needed. */
export async function createCitizenRequest(caseId: string, input: CreateCitizenRequest): Promise<void> {
  await unwrap(api.POST('/api/cases/{id}/requests', { params: { path: { id: caseId } }, body: input }));
}

/** A decision is always justified in writing (retssikkerhed): `reason` is required. */
export async function decideCitizenRequest(
  caseId: string,
  requestId: string,
  input: DecideCitizenRequest,
): Promise<void> {
  await unwrap(
    api.POST('/api/cases/{id}/requests/{requestId}/decision', {
      params: { path: { id: caseId, requestId } },
      body: input,
    }),
  );
}
