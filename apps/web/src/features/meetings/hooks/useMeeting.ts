import { useQuery } from '@tanstack/react-query';
import { fetchMeeting } from '@web/api/meetings-api';
import { queryKeys } from '@web/shared/query/query-keys';

/** One meeting (`GET /api/meetings/:id`) for its page. */
export function useMeeting(meetingId: string) {
  return useQuery({ queryKey: queryKeys.meeting(meetingId), queryFn: ({ signal }) => fetchMeeting(meetingId, signal) });
}
