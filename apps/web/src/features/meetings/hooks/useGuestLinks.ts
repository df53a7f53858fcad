import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createGuestLink, revokeGuestLink } from '@web/api/meetings-api';
import { queryKeys } from '@web/shared/query/query-keys';

/** A participant's guest link, made (or renewed) and revoked; the meeting is read again for the link's status. */
export function useGuestLinks(meetingId: string, participantId: string) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.meeting(meetingId) });
  const create = useMutation({ mutationFn: () => createGuestLink(meetingId, participantId), onSuccess: refresh });
  const revoke = useMutation({ mutationFn: () => revokeGuestLink(meetingId, participantId), onSuccess: refresh });
  return { create, revoke };
}
