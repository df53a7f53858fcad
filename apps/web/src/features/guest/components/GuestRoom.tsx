import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { GuestMeeting, GuestView } from '@tvaers/contracts';
import { fetchGuestNotes } from '@web/api/guest-api';
import { HeldNotesCard } from '@web/features/meetings/room/MeetingNotesPanel';
import { MeetingRoom } from '@web/features/meetings/room/MeetingRoom';
import { useGuestSocket } from '@web/features/meetings/room/useGuestSocket';
import { isLive, presenceKey, useMeetingRoom } from '@web/features/meetings/room/useMeetingRoom';
import { queryKeys } from '@web/shared/query/query-keys';

/**
 * The guest's side of the live room, on the link's own connection: followed while the meeting can take
 * place (so a time chosen or moved shows at once), and shown once a time is fixed.
 */
export function GuestRoom({ token, view }: { token: string; view: GuestView }) {
  const { meeting, guest } = view;
  const queryClient = useQueryClient();
  const live = isLive(meeting);
  const room = useMeetingRoom<GuestMeeting>(useGuestSocket(token, live), meeting.id, {
    self: presenceKey({ participantId: guest.participantId, name: guest.name }),
    enabled: live,
    notesShared: guest.notesShared,
    onMeeting: (updated) => {
      queryClient.setQueryData<GuestView>(queryKeys.guestView(token), (old) =>
        old ? { ...old, meeting: updated } : old,
      );
      // The view also says whether the notes are shared with this guest (the organiser may just have changed it).
      void queryClient.invalidateQueries({ queryKey: queryKeys.guestView(token), exact: true });
    },
    onReconnect: () => void queryClient.invalidateQueries({ queryKey: queryKeys.guestView(token), exact: true }),
  });
  if (meeting.status === 'scheduled') return <MeetingRoom room={room} agenda={meeting.agenda} />;
  return meeting.status === 'held' && guest.notesShared ? <GuestHeldNotes token={token} /> : null;
}

/** The held meeting's notes, read-only, where the guest could read them during the meeting. */
function GuestHeldNotes({ token }: { token: string }) {
  const notes = useQuery({
    queryKey: queryKeys.guestNotes(token),
    queryFn: ({ signal }) => fetchGuestNotes(token, signal),
  });
  return <HeldNotesCard notes={notes} />;
}
