import { CitizenRequestList } from '@tvaers/contracts';
import type { CitizenRequest, CreateCitizenRequest, DecideCitizenRequest } from '@tvaers/contracts';
import { request } from './http-client';

const requestsPath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/requests`;

/** The citizen's requests (for an effort or a conversation) and the decisions on them. */
export async function fetchCitizenRequests(caseId: string, signal?: AbortSignal): Promise<CitizenRequest[]> {
  const { items } = await request(requestsPath(caseId), CitizenRequestList, { signal });
  return items;
}

/** Records a request; the list is fetched again afterwards, so the answer's body is not needed. */
export async function createCitizenRequest(caseId: string, input: CreateCitizenRequest): Promise<void> {
  await request(requestsPath(caseId), undefined, { method: 'POST', body: input });
}

/** A decision is always justified in writing (retssikkerhed): `reason` is required. */
export async function decideCitizenRequest(
  caseId: string,
  requestId: string,
  input: DecideCitizenRequest,
): Promise<void> {
  await request(`${requestsPath(caseId)}/${encodeURIComponent(requestId)}/decision`, undefined, {
    method: 'POST',
    body: input,
  });
}
