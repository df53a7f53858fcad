import { Case, CaseColleagueList, CaseList } from '@tvaers/contracts';
import type { CaseColleague } from '@tvaers/contracts';
import type { CaseQuery, UpdateCase } from '@tvaers/contracts';
import { api, unwrap, unwrapItems } from './http-client';
import { fetchAllPages } from './paging';

/** A case list's query as the web sends it: the page size a number. */
export type CasePageQuery = Omit<CaseQuery, 'limit'> & { limit?: number };

/**
 * One page of the cases the caller may see, filtered and sorted on the server (responsible person, team, member,
 * status, benefit, name or CPR), with the whole list's count and active cases and weight per responsible person.
 */
export function fetchCases(query: CasePageQuery, signal?: AbortSignal): Promise<CaseList> {
  const { responsibleId, teamId, teamIds, memberId, status, benefit, q, sort, order, ids, limit, cursor } = query;
  return unwrap(
    api.GET('/api/cases', {
      params: {
        query: { responsibleId, teamId, teamIds, memberId, status, benefit, q, sort, order, ids, limit, cursor },
      },
      signal,
    }),
    CaseList,
  );
}

/** Every case of a list the caller knows is bounded (e.g. a person's own active cases), page after page. */
export function fetchAllCases(query: CasePageQuery, signal?: AbortSignal): Promise<Case[]> {
  return fetchAllPages((page) => fetchCases({ ...query, ...page }, signal));
}

/** Rejects with an ApiError of status 404 for a case that does not exist or the caller may not see. */
export function fetchCase(caseId: string, signal?: AbortSignal): Promise<Case> {
  return unwrap(api.GET('/api/cases/{id}', { params: { path: { id: caseId } }, signal }), Case);
}

/** The cases behind a figure (e.g. an outcome), as far as the caller may see them; at most `caseIdsMax`. */
export function fetchCasesByIds(ids: readonly string[], signal?: AbortSignal): Promise<Case[]> {
  return fetchAllCases({ ids: ids.join(',') }, signal);
}

/** Changes a case, e.g. closes it with a reason and an outcome. */
export function updateCase(caseId: string, input: UpdateCase): Promise<Case> {
  return unwrap(api.PATCH('/api/cases/{id}', { params: { path: { id: caseId } }, body: input }), Case);
}

/**
 * The case team's caseworkers and health staff, to name as an effort's owner or invite to a meeting; naming
 * or inviting one who is not yet on the case makes them a member.
 */
export function fetchCaseColleagues(caseId: string, signal?: AbortSignal): Promise<CaseColleague[]> {
  return unwrapItems(
    api.GET('/api/cases/{id}/colleagues', { params: { path: { id: caseId } }, signal }),
    CaseColleagueList,
  );
}

/** Removes a named member from a case (not its responsible person); the answer is the case as it is now. */
export async function removeCaseMember(caseId: string, staffId: string): Promise<Case> {
  await unwrap(api.DELETE('/api/cases/{id}/members/{staffId}', { params: { path: { id: caseId, staffId } } }));
  return fetchCase(caseId);
}
