import { Case, CaseColleagueList, CaseList } from '@tvaers/contracts';
import type { CaseColleague } from '@tvaers/contracts';
import type { CaseQuery, UpdateCase } from '@tvaers/contracts';
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

/** The cases behind a figure (e.g. an outcome), as far as the caller may see them; at most 500. */
export async function fetchCasesByIds(ids: readonly string[], signal?: AbortSignal): Promise<Case[]> {
  const { items } = await unwrap(
    api.GET('/api/cases', { params: { query: { ids: ids.join(',') } }, signal }),
    CaseList,
  );
  return items;
}

/** Changes a case, e.g. closes it with a reason and an outcome. */
export function updateCase(caseId: string, input: UpdateCase): Promise<Case> {
  return unwrap(api.PATCH('/api/cases/{id}', { params: { path: { id: caseId } }, body: input }), Case);
}

/**
 * The case team's caseworkers and health staff, to name as an effort's owner or invite to a meeting; naming
 * or inviting one who is not yet on the case makes them a member.
 */
export async function fetchCaseColleagues(caseId: string, signal?: AbortSignal): Promise<CaseColleague[]> {
  const { items } = await unwrap(
    api.GET('/api/cases/{id}/colleagues', { params: { path: { id: caseId } }, signal }),
    CaseColleagueList,
  );
  return items;
}

/** Removes a named member from a case (not its responsible person); the answer is the case as it is now. */
export async function removeCaseMember(caseId: string, staffId: string): Promise<Case> {
  await unwrap(api.DELETE('/api/cases/{id}/members/{staffId}', { params: { path: { id: caseId, staffId } } }));
  return fetchCase(caseId);
}
