import { Case, CaseList } from '@tvaers/contracts';
import type { CaseQuery } from '@tvaers/contracts';
import { api, unwrap } from './http-client';

/** Cases the caller may see, filtered on the server (responsible person, team, status, benefit, name or CPR). */
export async function fetchCases(query: CaseQuery, signal?: AbortSignal): Promise<Case[]> {
  const { responsibleId, teamId, status, benefit, q } = query;
  const { items } = await unwrap(
    api.GET('/api/cases', { params: { query: { responsibleId, teamId, status, benefit, q } }, signal }),
    CaseList,
  );
  return items;
}

/** Rejects with an ApiError of status 404 for a case that does not exist or the caller may not see. */
export function fetchCase(caseId: string, signal?: AbortSignal): Promise<Case> {
  return unwrap(api.GET('/api/cases/{id}', { params: { path: { id: caseId } }, signal }), Case);
}
