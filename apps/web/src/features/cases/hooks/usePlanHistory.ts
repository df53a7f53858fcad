import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchPlanHistory } from '@web/api/plans-api';
import { queryKeys } from '@web/shared/query/query-keys';

/** The plan's versions; a new key (and fetch) for every version the page shows, the old list kept meanwhile. */
export function usePlanHistory(caseId: string, version: number) {
  return useQuery({
    queryKey: queryKeys.planHistory(caseId, version),
    queryFn: ({ signal }) => fetchPlanHistory(caseId, signal),
    placeholderData: keepPreviousData,
  });
}
