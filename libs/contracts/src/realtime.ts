/** Acknowledgement of a room join. */
export type JoinAck = { ok: true } | { ok: false; code: string };

/**
 * Events the server emits to clients. Only what apps/api/src/realtime emits: an event listed here
 * without a server side would compile in the web and never arrive.
 */
export interface ServerToClientEvents {
  'plan:updated': (payload: { caseId: string; version: number }) => void;
}

/** Events clients send to the server: exactly the gateway's @SubscribeMessage handlers. */
export interface ClientToServerEvents {
  'plan:join': (payload: { caseId: string }, ack: (res: JoinAck) => void) => void;
  'plan:leave': (payload: { caseId: string }) => void;
}

/** Room names, one place so server and tests agree. */
export const rooms = {
  plan: (caseId: string) => `plan:${caseId}`,
  team: (teamId: string) => `team:${teamId}`,
  staff: (staffId: string) => `staff:${staffId}`,
  /** Server-side only: every socket of one login session, so ending the session closes them. */
  session: (sessionId: string) => `session:${sessionId}`,
} as const;
