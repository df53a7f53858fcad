import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CaseQuery, CaseSort, CaseStatus, Role } from '@tvaers/contracts';
import { fetchCases } from '@web/api/cases-api';
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
 * One request per list: my cases, the cases I take part in, or my teams' cases (all teams at once, so the
 * server sorts the whole list and counts per person). The shown list stays while a changed filter loads.
 */
export function useCases(filter: CaseFilter, viewer: Viewer) {
  const teamIds = [...viewer.teamIds].sort();
  const query: CaseQuery = {
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

  return useQuery({
    queryKey: queryKeys.cases({ ...query, scope: filter.scope, viewer: viewer.id }),
    queryFn: ({ signal }) => fetchCases(query, signal),
    enabled: filter.scope !== 'team' || teamIds.length > 0,
    placeholderData: keepPreviousData,
  });
}
