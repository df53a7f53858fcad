import { useQueryClient } from '@tanstack/react-query';
import type { Meeting } from '@tvaers/contracts';
import { useCurrentUser } from '@web/features/auth/hooks/useCurrentUser';
import { queryKeys } from '@web/shared/query/query-keys';
import { useSocket } from '@web/shared/realtime/useSocket';
import { isLive, type MeetingRoomState, presenceKey, useMeetingRoom } from './useMeetingRoom';

/**
 * The staff page's room on the session's socket: the page shows a doctor's choice (or a move, a
 * cancellation) as it happens, and fetches the meeting again after a reconnect.
 */
export function useStaffMeetingRoom(meeting: Meeting): MeetingRoomState {
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  return useMeetingRoom<Meeting>(useSocket(), meeting.id, {
    self: presenceKey({ staffId: me.id, name: me.name }),
    enabled: isLive(meeting),
    onMeeting: (updated) => {
      // A push is the meeting as no one in particular sees it: the page keeps its own reading of what the
      // user may do, their participation and the citizen's name.
      queryClient.setQueryData<Meeting>(queryKeys.meeting(meeting.id), (old) =>
        old
          ? { ...updated, canManage: old.canManage, myParticipantId: old.myParticipantId, citizenName: old.citizenName }
          : updated,
      );
      // Calendars and the case's list show the meeting too.
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
    },
    onReconnect: () => void queryClient.invalidateQueries({ queryKey: queryKeys.meeting(meeting.id) }),
  });
}
