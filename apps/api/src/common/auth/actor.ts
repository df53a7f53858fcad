import type { Discipline, Role } from '@tvaers/contracts';

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
}

export const hasRole = (actor: StaffActor, ...roles: Role[]) => actor.roles.some((r) => roles.includes(r));

declare module 'fastify' {
  interface FastifyRequest {
    actor?: StaffActor;
  }
}
