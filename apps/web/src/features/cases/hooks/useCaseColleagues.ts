import { useQuery } from '@tanstack/react-query';
import { fetchCaseColleagues } from '@web/api/cases-api';
import { queryKeys } from '@web/shared/query/query-keys';

/** The case team's colleagues who can be named an effort's owner or invited to a meeting. */
export function useCaseColleagues(caseId: string) {
  return useQuery({
    queryKey: queryKeys.caseColleagues(caseId),
    queryFn: ({ signal }) => fetchCaseColleagues(caseId, signal),
  });
}
