import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Case, CaseQuery, CaseStatus } from '@tvaers/contracts';
import { fetchCases } from '@web/api/cases-api';
import { queryKeys } from '@web/shared/query/query-keys';

export type CaseScope = 'mine' | 'team';

export interface CaseFilter {
  scope: CaseScope;
  q: string;
  status: CaseStatus | 'all';
  benefit: string;
}

export interface Viewer {
  id: string;
  teamIds: readonly string[];
}

function byCitizenName(a: Case, b: Case): number {
  return a.citizenName.localeCompare(b.citizenName, 'da');
}

/**
 * "Mine sager" are the cases the viewer is responsible for; "Teamets sager" those of the viewer's
 * teams (one request per team, merged, as a staff member may belong to more than one).
 * The shown list stays while a changed filter loads.
 */
export function useCases(filter: CaseFilter, viewer: Viewer) {
  const base: CaseQuery = {
    status: filter.status === 'all' ? undefined : filter.status,
    benefit: filter.benefit || undefined,
    q: filter.q.trim() || undefined,
  };
  const teamIds = [...viewer.teamIds].sort();

  return useQuery({
    queryKey: queryKeys.cases({ ...base, scope: filter.scope, viewer: viewer.id, teamIds }),
    queryFn: async ({ signal }) => {
      if (filter.scope === 'mine') {
        return (await fetchCases({ ...base, responsibleId: viewer.id }, signal)).sort(byCitizenName);
      }
      const lists = await Promise.all(teamIds.map((teamId) => fetchCases({ ...base, teamId }, signal)));
      const unique = new Map(lists.flat().map((item) => [item.id, item]));
      return [...unique.values()].sort(byCitizenName);
    },
    placeholderData: keepPreviousData,
  });
}
