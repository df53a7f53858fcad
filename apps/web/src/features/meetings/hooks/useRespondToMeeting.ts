import { useMutation, useQueryClient } from '@tanstack/react-query';
import { respondToMeeting } from '@web/api/meetings-api';
import { queryKeys } from '@web/shared/query/query-keys';

/** A staff participant's own answer (`POST /api/meetings/:id/response`); the meeting and every calendar update. */
export function useRespondToMeeting(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (response: 'accepted' | 'declined') => respondToMeeting(meetingId, response),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.meeting(meetingId), updated);
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
    },
  });
}
