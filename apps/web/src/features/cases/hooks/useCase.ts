import { useQuery } from '@tanstack/react-query';
import { fetchCase } from '../../../api/cases-api';
import { queryKeys } from '../../../shared/query/query-keys';

export function useCase(caseId: string) {
  return useQuery({ queryKey: queryKeys.case(caseId), queryFn: ({ signal }) => fetchCase(caseId, signal) });
}
