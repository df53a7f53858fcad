import { useQueryClient } from '@tanstack/react-query';
import type { Meeting, MeetingCore } from '@tvaers/contracts';
import { useCurrentUser } from '@web/features/auth/hooks/useCurrentUser';
import { meetingChanged } from '@web/shared/query/meeting-changed';
import { queryKeys } from '@web/shared/query/query-keys';
import { useSocket } from '@web/shared/realtime/useSocket';
import { isLive, type MeetingRoomState, presenceKey, useMeetingRoom } from '../room/useMeetingRoom';

/**
 * The staff page's room on the session's socket: the page shows a doctor's choice (or a move, a
 * cancellation) as it happens, and fetches the meeting again after a reconnect.
 */
export function useStaffMeetingRoom(meeting: Meeting): MeetingRoomState {
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  return useMeetingRoom<MeetingCore>(useSocket(), meeting.id, {
    self: presenceKey({ staffId: me.id, name: me.name }),
    enabled: isLive(meeting),
    onMeeting: (updated) => {
      // A live update is the same for everyone in the room: what depends on the reader (canManage,
      // myParticipantId) stays as this user's own read answered it.
      void meetingChanged(queryClient, meeting.id, (old) => (old ? { ...old, ...updated } : old));
    },
    onReconnect: () => void queryClient.invalidateQueries({ queryKey: queryKeys.meeting(meeting.id) }),
  });
}
