import type { Meeting } from './meetings';

/** Acknowledgement of a room join. */
export type JoinAck = { ok: true } | { ok: false; code: string };

export type PresenceEntry = { participantId?: string; staffId?: string; name: string };

/** Events the server emits to clients. */
export interface ServerToClientEvents {
  'meeting:presence': (payload: { meetingId: string; present: PresenceEntry[] }) => void;
  'meeting:updated': (payload: { meeting: Meeting }) => void;
  'meeting:notes': (payload: { meetingId: string; update: string; text: string }) => void;
  'plan:updated': (payload: { caseId: string; version: number }) => void;
  'caseload:updated': (payload: { teamId: string; rows: unknown[] }) => void;
}

/** Events clients send to the server. */
export interface ClientToServerEvents {
  'meeting:join': (payload: { meetingId: string }, ack: (res: JoinAck) => void) => void;
  'meeting:leave': (payload: { meetingId: string }) => void;
  'meeting:notes': (payload: { meetingId: string; update: string }) => void;
  'meeting:notes:sync': (
    payload: { meetingId: string },
    ack: (res: { update: string; text: string } | JoinAck) => void,
  ) => void;
  'plan:join': (payload: { caseId: string }, ack: (res: JoinAck) => void) => void;
  'plan:leave': (payload: { caseId: string }) => void;
}

/** Room names, one place so server and tests agree. */
export const rooms = {
  meeting: (id: string) => `meeting:${id}`,
  plan: (caseId: string) => `plan:${caseId}`,
  team: (teamId: string) => `team:${teamId}`,
  staff: (staffId: string) => `staff:${staffId}`,
  /** Server-side only: every socket of one login session, so ending the session closes them. */
  session: (sessionId: string) => `session:${sessionId}`,
} as const;
