import { useQuery } from '@tanstack/react-query';
import { fetchOwnAssessments } from '@web/api/health-api';
import { queryKeys } from '@web/shared/query/query-keys';

/** The citizen's own health assessments of a case (one meeting's with `meetingId`). */
export function useOwnAssessments(caseId: string, meetingId?: string) {
  return useQuery({
    queryKey: queryKeys.ownAssessments(caseId, meetingId),
    queryFn: ({ signal }) => fetchOwnAssessments(caseId, meetingId, signal),
  });
}
