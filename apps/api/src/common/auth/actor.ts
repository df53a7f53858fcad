import type { Discipline, ParticipantKind, Role } from '@tvaers/contracts';

/** Citizens whose access-log row this request has written: one row per citizen per request. */
export interface RequestAudit {
  citizens: Set<string>;
}

/** The logged-in staff member a request acts for; services take it first so access checks are not forgotten. */
export interface StaffActor {
  kind: 'staff';
  id: string;
  name: string;
  email: string;
  roles: Role[];
  discipline: Discipline;
  teamIds: string[];
  sessionId: string;
  /** Fresh for every request and socket event. */
  audit: RequestAudit;
}

/** Someone without an account holding a link: one participant of one meeting, nothing else. */
export interface GuestActor {
  kind: 'guest';
  participantId: string;
  meetingId: string;
  participantKind: ParticipantKind;
  name: string;
  /**
   * The staff member this link's URL was shown to (POST …/link), or null for a link only ever mailed to the
   * guest: through a copied link the guest sees no more than that staff member's own session would, and every
   * read and change is logged with their name too.
   */
  copiedBy: LinkCopier | null;
  audit: RequestAudit;
}

/** A staff member a guest link was shown to, as their own view of the citizen is decided. */
export interface LinkCopier {
  id: string;
  name: string;
  roles: Role[];
  discipline: Discipline;
}

export type Actor = StaffActor | GuestActor;

export const newRequestAudit = (): RequestAudit => ({ citizens: new Set() });

/** The same actor for a new request (e.g. one socket event): its own audit scope. */
export const forNewRequest = <A extends Actor>(actor: A): A => ({ ...actor, audit: newRequestAudit() });

export const hasRole = (actor: StaffActor, ...roles: Role[]) => actor.roles.some((r) => roles.includes(r));

declare module 'fastify' {
  interface FastifyRequest {
    actor?: StaffActor;
  }
}
