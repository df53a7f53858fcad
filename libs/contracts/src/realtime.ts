import type { CaseloadRow } from './caseload';
import type { GuestMeeting } from './guests';
import type { MeetingCore } from './meetings';

/** Acknowledgement of a room join. */
export type JoinAck = { ok: true } | { ok: false; code: string };

/** Someone in a meeting room: a staff member or a guest link's holder (one participant). */
export type PresentPerson = { staffId: string; name: string } | { participantId: string; name: string };

/** The shared notes of a meeting: a base64 Yjs update and the merged plain text of its `notes` Y.Text. */
export interface NotesState {
  update: string;
  text: string;
}

/** Acknowledgement of a notes event: the whole document (sync) or the merged text after the write. */
export type NotesAck = ({ ok: true } & NotesState) | { ok: false; code: string };

/**
 * Events the server emits to clients. Only what apps/api/src/realtime emits: an event listed here
 * without a server side would compile in the web and never arrive.
 */
export interface ServerToClientEvents {
  'plan:updated': (payload: { caseId: string; version: number }) => void;
  /**
   * To a case's plan room when a guest gave health data (a statement, an own assessment): a signal only, with no
   * content; the page fetches the lists again, under the health rule.
   */
  'case:health-data': (payload: { caseId: string }) => void;
  'meeting:presence': (payload: { meetingId: string; present: PresentPerson[] }) => void;
  /** Staff receive the meeting as GET /api/meetings/:id shows it, guests as their link's page does. */
  'meeting:updated': (payload: { meeting: MeetingCore | GuestMeeting }) => void;
  'meeting:notes': (payload: { meetingId: string } & NotesState) => void;
  /** To a team's managers after any change of a load or ceiling in the team: the rows as GET /api/caseload has them. */
  'caseload:updated': (payload: { teamId: string; rows: CaseloadRow[] }) => void;
  /** To a session's sockets just before they are closed because the person was deactivated. */
  'session:ended': (payload: { reason: 'access-ended' }) => void;
}

/** Events clients send to the server: exactly the gateway's @SubscribeMessage handlers. */
export interface ClientToServerEvents {
  'plan:join': (payload: { caseId: string }, ack: (res: JoinAck) => void) => void;
  'plan:leave': (payload: { caseId: string }) => void;
  'meeting:join': (payload: { meetingId: string }, ack: (res: JoinAck) => void) => void;
  'meeting:leave': (payload: { meetingId: string }) => void;
  'meeting:notes': (payload: { meetingId: string; update: string }, ack: (res: NotesAck) => void) => void;
  'meeting:notes:sync': (payload: { meetingId: string }, ack: (res: NotesAck) => void) => void;
}

/** Room names, one place so server and tests agree. */
export const rooms = {
  plan: (caseId: string) => `plan:${caseId}`,
  team: (teamId: string) => `team:${teamId}`,
  staff: (staffId: string) => `staff:${staffId}`,
  /** Everyone who joined a meeting's live room. */
  meeting: (meetingId: string) => `meeting:${meetingId}`,
  /** Server-side only: the staff (and the guests) of a meeting room, who receive different views of it. */
  meetingStaff: (meetingId: string) => `meeting-staff:${meetingId}`,
  meetingGuests: (meetingId: string) => `meeting-guests:${meetingId}`,
  /** Server-side only: those in a meeting room who may read its notes (not a guest they are not shared with). */
  meetingNotes: (meetingId: string) => `meeting-notes:${meetingId}`,
  /** Server-side only: every socket of one login session, so ending the session closes them. */
  session: (sessionId: string) => `session:${sessionId}`,
  /** Server-side only: every socket of one guest link's participant, so revoking the link closes them. */
  participant: (participantId: string) => `participant:${participantId}`,
} as const;
