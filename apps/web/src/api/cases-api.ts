import { Case, CaseList } from '@tvaers/contracts';
import type { CaseQuery } from '@tvaers/contracts';
import { request } from './http-client';

const casePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;

/** Cases the caller may see, filtered on the server (responsible person, team, status, benefit, name or CPR). */
export async function fetchCases(query: CaseQuery, signal?: AbortSignal): Promise<Case[]> {
  const { items } = await request('/cases', CaseList, {
    query: {
      responsibleId: query.responsibleId,
      teamId: query.teamId,
      status: query.status,
      benefit: query.benefit,
      q: query.q,
    },
    signal,
  });
  return items;
}

/** Rejects with an ApiError of status 404 for a case that does not exist or the caller may not see. */
export function fetchCase(caseId: string, signal?: AbortSignal): Promise<Case> {
  return request(casePath(caseId), Case, { signal });
}
