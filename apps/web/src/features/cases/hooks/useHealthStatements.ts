import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchHealthStatements } from '@web/api/health-api';
import { queryKeys } from '@web/shared/query/query-keys';

/**
 * A case's health statements (one meeting's with `meetingId`). Reading them may take one off the worklist
 * (the responsible person's), so the worklist is fetched again when next shown.
 */
export function useHealthStatements(caseId: string, meetingId?: string) {
  const client = useQueryClient();
  return useQuery({
    queryKey: queryKeys.healthStatements(caseId, meetingId),
    queryFn: async ({ signal }) => {
      const list = await fetchHealthStatements(caseId, meetingId, signal);
      if (list.items.length) void client.invalidateQueries({ queryKey: queryKeys.worklists });
      return list;
    },
  });
}
