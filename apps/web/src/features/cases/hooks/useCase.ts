import { useQuery } from '@tanstack/react-query';
import { fetchCase } from '@web/api/cases-api';
import { queryKeys } from '@web/shared/query/query-keys';

export function useCase(caseId: string) {
  return useQuery({ queryKey: queryKeys.case(caseId), queryFn: ({ signal }) => fetchCase(caseId, signal) });
}
