import type { GuestMeeting, GuestView } from '@tvaers/contracts';
import { HeldNotesCard } from '@web/features/meetings/room/MeetingNotesPanel';
import { MeetingRoom } from '@web/features/meetings/room/MeetingRoom';
import { useGuestSocket } from '@web/features/meetings/room/useGuestSocket';
import { isLive, presenceKey, useMeetingRoom } from '@web/features/meetings/room/useMeetingRoom';
import { useGuestNotes } from '../hooks/useGuestNotes';
import { useGuestViewUpdates } from '../hooks/useGuestView';

/**
 * The guest's side of the live room, on the link's own connection: followed while the meeting can take
 * place (so a time chosen or moved shows at once), and shown once a time is fixed.
 */
export function GuestRoom({ token, view }: { token: string; view: GuestView }) {
  const { meeting, guest } = view;
  const updates = useGuestViewUpdates(token);
  const live = isLive(meeting);
  const room = useMeetingRoom<GuestMeeting>(useGuestSocket(token, live), meeting.id, {
    self: presenceKey({ participantId: guest.participantId, name: guest.name }),
    enabled: live,
    notesShared: guest.notesShared,
    ...updates,
  });
  if (meeting.status === 'scheduled') return <MeetingRoom room={room} agenda={meeting.agenda} />;
  return meeting.status === 'held' && guest.notesShared ? <GuestHeldNotes token={token} /> : null;
}

/** The held meeting's notes, read-only, where the guest could read them during the meeting. */
function GuestHeldNotes({ token }: { token: string }) {
  const notes = useGuestNotes(token);
  return <HeldNotesCard notes={notes} />;
}
