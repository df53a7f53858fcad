import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { CaseSort, CaseStatus, Role } from '@tvaers/contracts';
import { type CasePageQuery, fetchAllCases, fetchCases } from '@web/api/cases-api';
import { queryKeys } from '@web/shared/query/query-keys';

/** "Mine sager" (responsible for), "Sager, jeg deltager i" (responsible or member) and "Teamets sager". */
export type CaseScope = 'mine' | 'member' | 'team';
export const caseScopes: readonly CaseScope[] = ['mine', 'member', 'team'];

export interface CaseFilter {
  scope: CaseScope;
  q: string;
  status: CaseStatus | 'all';
  benefit: string;
  /** A responsible person's id (team list only); '' for everyone. */
  responsible: string;
  sort: CaseSort;
  order: 'asc' | 'desc';
}

export interface Viewer {
  id: string;
  roles: readonly Role[];
  teamIds: readonly string[];
}

/** The case list a role opens on: its own work (a manager's is the team's). */
export function defaultCaseScope(roles: readonly Role[]): CaseScope {
  if (roles.includes('caseworker')) return 'mine';
  if (roles.includes('health')) return 'member';
  return 'team';
}

/** The scopes offered: someone who never holds cases (a manager) only has the team's. */
export function caseScopesFor(roles: readonly Role[]): readonly CaseScope[] {
  return roles.includes('caseworker') || roles.includes('health') ? caseScopes : ['team'];
}

/**
 * One list at a time: my cases, the cases I take part in, or my teams' cases (all teams at once, so the server
 * sorts the whole list and counts per person), a page at a time ("Vis flere" fetches the next). The shown list
 * stays while a changed filter loads.
 */
export function useCases(filter: CaseFilter, viewer: Viewer) {
  const teamIds = [...viewer.teamIds].sort();
  const query: CasePageQuery = {
    status: filter.status === 'all' ? undefined : filter.status,
    benefit: filter.benefit || undefined,
    q: filter.q.trim() || undefined,
    sort: filter.sort,
    order: filter.order,
    ...(filter.scope === 'mine'
      ? { responsibleId: viewer.id }
      : filter.scope === 'member'
        ? { memberId: viewer.id }
        : { teamIds: teamIds.join(','), responsibleId: filter.responsible || undefined }),
  };

  return useInfiniteQuery({
    queryKey: queryKeys.casePages({ ...query, scope: filter.scope, viewer: viewer.id }),
    queryFn: ({ pageParam, signal }) => fetchCases({ ...query, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: filter.scope !== 'team' || teamIds.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** The viewer's own active cases, all of them (a caseload is bounded by its ceiling), by citizen name. */
export function useMyActiveCases(viewer: Pick<Viewer, 'id'>) {
  const query: CasePageQuery = { responsibleId: viewer.id, status: 'active', sort: 'citizen', order: 'asc' };
  return useQuery({
    queryKey: queryKeys.cases({ ...query, scope: 'mine' }),
    queryFn: ({ signal }) => fetchAllCases(query, signal),
  });
}
