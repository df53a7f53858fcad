import { useMutation, useQueryClient } from '@tanstack/react-query';
import { respondToMeeting } from '@web/api/meetings-api';
import { meetingChanged } from '@web/shared/query/meeting-changed';

/** A staff participant's own answer (`POST /api/meetings/:id/response`); the meeting and every calendar update. */
export function useRespondToMeeting(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (response: 'accepted' | 'declined') => respondToMeeting(meetingId, response),
    onSuccess: (updated) => void meetingChanged(queryClient, meetingId, updated),
  });
}
