import { z } from 'zod';
import { Discipline, Role, uuid } from './common';

export const LoginRequest = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const Me = z.object({
  id: uuid,
  name: z.string(),
  email: z.string(),
  roles: z.array(Role),
  discipline: Discipline,
  teamIds: z.array(uuid),
});
export type Me = z.infer<typeof Me>;

/** Told once, at the first login after it: who issued the link the password was last set through, and when. */
export const PasswordNotice = z.object({ byName: z.string(), at: z.iso.datetime({ offset: true }) });
export type PasswordNotice = z.infer<typeof PasswordNotice>;

export const LoginResponse = z.object({ user: Me, passwordNotice: PasswordNotice.nullable().optional() });
export type LoginResponse = z.infer<typeof LoginResponse>;

/** What the login page offers: the municipality's sign-in (single sign-on) and whether Tværs passwords work. */
export const AuthConfig = z.object({ sso: z.boolean(), localPasswords: z.boolean() });
export type AuthConfig = z.infer<typeof AuthConfig>;

/** Why a sign-in through the municipality's login came back to the login page (`/login?sso=<code>`). */
export const SsoError = z.enum(['unknown-user', 'failed']);
export type SsoError = z.infer<typeof SsoError>;

/**
 * One of the logged-in person's own sessions: when it began and was last used, the browser and system it was
 * made in (from the User-Agent, null when unknown), and whether it is the one asking.
 */
export const StaffSession = z.object({
  /** Opaque; names the session to end it (`DELETE /api/auth/sessions/:id`). */
  id: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  lastSeenAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
  browser: z.string().nullable(),
  system: z.string().nullable(),
  current: z.boolean(),
});
export type StaffSession = z.infer<typeof StaffSession>;

export const StaffSessionList = z.object({ items: z.array(StaffSession) });
export type StaffSessionList = z.infer<typeof StaffSessionList>;
