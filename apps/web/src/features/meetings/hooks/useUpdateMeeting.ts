import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateMeeting } from '@tvaers/contracts';
import { updateMeeting } from '@web/api/meetings-api';
import { meetingChanged } from '@web/shared/query/meeting-changed';

/**
 * Moves, cancels or reschedules a meeting (`PATCH /api/meetings/:id`). The answer is the caller's own reading, so it
 * replaces the cached meeting; a refusal (a clash, a closed meeting) means the lists were stale: they are fetched again.
 */
export function useUpdateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ meetingId, change }: { meetingId: string; change: UpdateMeeting }) =>
      updateMeeting(meetingId, change),
    onSuccess: (updated, { meetingId }) => void meetingChanged(queryClient, meetingId, updated),
    onError: () => void meetingChanged(queryClient),
  });
}
