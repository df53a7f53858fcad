import { Case, CaseList } from '@tvaers/contracts';
import type { CaseQuery } from '@tvaers/contracts';
import { api, unwrap } from './http-client';

/**
 * Cases the caller may see, filtered and sorted on the server (responsible person, team, member, status,
 * benefit, name or CPR), with active cases and weight per responsible person.
 */
export function fetchCases(query: CaseQuery, signal?: AbortSignal): Promise<CaseList> {
  const { responsibleId, teamId, teamIds, memberId, status, benefit, q, sort, order } = query;
  return unwrap(
    api.GET('/api/cases', {
      params: { query: { responsibleId, teamId, teamIds, memberId, status, benefit, q, sort, order } },
      signal,
    }),
    CaseList,
  );
}

/** Rejects with an ApiError of status 404 for a case that does not exist or the caller may not see. */
export function fetchCase(caseId: string, signal?: AbortSignal): Promise<Case> {
  return unwrap(api.GET('/api/cases/{id}', { params: { path: { id: caseId } }, signal }), Case);
}
