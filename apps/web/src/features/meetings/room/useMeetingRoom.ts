import type { GuestMeeting, MeetingCore, PresentPerson } from '@tvaers/contracts';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { TvaersSocket } from '@web/api/socket-client';
import { SharedNotes } from './shared-notes';

/** Whether a meeting's room is followed: only while the meeting can still take place. */
export const isLive = (meeting: { status: MeetingCore['status'] }) =>
  meeting.status === 'proposed' || meeting.status === 'scheduled';

/** `refused`: the server did not let us into the room; `closed`: it ended the connection (e.g. a revoked link). */
export type RoomStatus = 'connecting' | 'connected' | 'reconnecting' | 'refused' | 'closed';

/** One person in the presence, the same for a staff member and a guest link's participant. */
export const presenceKey = (person: PresentPerson) =>
  'staffId' in person ? `staff:${person.staffId}` : `participant:${person.participantId}`;

/** Why the server refused this user's last change of the notes (the notes then show the server's text). */
export type NotesRefusal = 'refused' | 'tooLarge' | 'closed' | null;

const refusals: Partial<Record<string, NotesRefusal>> = {
  FORBIDDEN: 'refused',
  NOTES_TOO_LARGE: 'tooLarge',
  MEETING_CLOSED: 'closed',
};

export interface MeetingRoomState {
  status: RoomStatus;
  /** This user's presence key, to mark "(dig)". */
  self: string;
  present: PresentPerson[];
  notes: SharedNotes;
  /** The notes have been fetched once: before that the textarea would start from nothing. */
  synced: boolean;
  /** False for another guest the organiser has not shared the notes with: no notes are fetched or shown. */
  notesShared: boolean;
  refusal: NotesRefusal;
}

interface Options<M> {
  /** Who this user is in the presence (see presenceKey). */
  self: string;
  /** Join only while the meeting can still take place (not when cancelled or held). */
  enabled: boolean;
  /** Whether this user may read the notes (default true); without, the room shows presence and agenda only. */
  notesShared?: boolean;
  /** The meeting as the server now shows it (a doctor chose a time, it was moved or cancelled). */
  onMeeting: (meeting: M) => void;
  /** After a reconnect: events may have been missed, so fetch the meeting again. */
  onReconnect?: () => void;
}

/**
 * A meeting's live room over the socket (docs/api.md "Live events"): joins it, follows presence and meeting
 * updates, and keeps the shared notes in step: synced on every (re)join, local edits sent while joined,
 * edits made while offline sent on the next join.
 */
export function useMeetingRoom<M extends MeetingCore | GuestMeeting>(
  socket: TvaersSocket | null,
  meetingId: string,
  { self, enabled, onMeeting, onReconnect, notesShared = true }: Options<M>,
): MeetingRoomState {
  const [status, setStatus] = useState<RoomStatus>('connecting');
  const [present, setPresent] = useState<PresentPerson[]>([]);
  const [synced, setSynced] = useState(false);
  const [refusal, setRefusal] = useState<NotesRefusal>(null);
  const joined = useRef(false);
  const [notes] = useState(() => new SharedNotes());

  const meetingChanged = useEffectEvent((meeting: M) => onMeeting(meeting));
  const reconnected = useEffectEvent(() => onReconnect?.());

  useEffect(() => {
    if (!socket || !enabled) return;
    let live = true;
    // A first connect has missed nothing; a later one may have.
    let wasConnected = socket.connected;
    // A failed write is retried once through a sync (which sends all the server lacks), not in a loop; a
    // refused one (the rule or the cap) is dropped: the notes start over from the server's document.
    const resync = (retry = true, reset = false) => {
      socket.emit('meeting:notes:sync', { meetingId }, (res) => {
        if (!live || !res.ok) return;
        if (reset) notes.reset(res.update);
        else notes.receive(res.update);
        const missing = reset ? null : notes.missingFrom(res.update);
        if (missing) send(missing, retry);
        setSynced(true);
      });
    };
    const send = (update: string, retry = true) => {
      // Not in the room (offline, rejoining): the next join's sync sends what the server lacks.
      if (!joined.current) return;
      socket.emit('meeting:notes', { meetingId, update }, (res) => {
        if (!live) return;
        if (res.ok) return setRefusal(null);
        const why = refusals[res.code] ?? null;
        if (why) {
          setRefusal(why);
          resync(false, true);
        } else if (retry) resync(false);
      });
    };
    notes.sendWith((update) => send(update));
    const join = () => {
      socket.emit('meeting:join', { meetingId }, (ack) => {
        if (!live) return;
        if (!ack.ok) return setStatus('refused');
        joined.current = true;
        setStatus('connected');
        if (notesShared) resync();
      });
    };
    const onConnect = () => {
      join();
      if (wasConnected) reconnected();
      wasConnected = true;
    };
    const onDisconnect = (reason: string) => {
      joined.current = false;
      // The server closing the connection (revoked link, ended session) is final; anything else reconnects.
      setStatus(reason === 'io server disconnect' ? 'closed' : 'reconnecting');
    };
    const onPresence = (p: { meetingId: string; present: PresentPerson[] }) => {
      if (p.meetingId === meetingId) setPresent(p.present);
    };
    const onUpdated = ({ meeting }: { meeting: MeetingCore | GuestMeeting }) => {
      if (meeting.id === meetingId) meetingChanged(meeting as M);
    };
    const onNotes = (p: { meetingId: string; update: string }) => {
      if (p.meetingId === meetingId) notes.receive(p.update);
    };
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('meeting:presence', onPresence);
    socket.on('meeting:updated', onUpdated);
    socket.on('meeting:notes', onNotes);
    if (socket.connected) join();
    return () => {
      live = false;
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('meeting:presence', onPresence);
      socket.off('meeting:updated', onUpdated);
      socket.off('meeting:notes', onNotes);
      if (joined.current && socket.connected) socket.emit('meeting:leave', { meetingId });
      joined.current = false;
      notes.sendWith(null);
    };
  }, [socket, meetingId, enabled, notes, notesShared]);

  return { status, self, present, notes, synced, notesShared, refusal };
}
