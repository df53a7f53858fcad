import { useQuery } from '@tanstack/react-query';
import { fetchCasesByIds } from '@web/api/cases-api';
import { queryKeys } from '@web/shared/query/query-keys';

export function useCasesByIds(ids: readonly string[]) {
  return useQuery({
    queryKey: queryKeys.casesByIds(ids),
    queryFn: ({ signal }) => fetchCasesByIds(ids, signal),
    enabled: ids.length > 0,
  });
}
