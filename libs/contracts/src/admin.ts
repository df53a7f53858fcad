import { z } from 'zod';
import { Discipline, instant, listOf, Role, TeamRef, uuid } from './common';

/** A new password: long rather than complex (NIST SP 800-63B); the login accepts whatever was set. */
/** No wording of its own: each client words the limits in its language (the web: forms.tooShort). */
export const NewPassword = z.string().min(12).max(200);

const personName = z.string().trim().min(2).max(200);
/** A work phone, as meeting invitations give it to guests ("72 10 45 20", "+45 72104520"). */
const workPhone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{5,30}$/, 'digits, spaces and dashes, optionally starting with +');
const roleList = z
  .array(Role)
  .min(1)
  .max(4)
  .refine((r) => new Set(r).size === r.length, 'each role once');
const teamIds = z
  .array(uuid)
  .max(50)
  .refine((t) => new Set(t).size === t.length, 'each team once');

/** A staff member as the administrator manages them (no case content). */
export const StaffAccount = z.object({
  id: uuid,
  email: z.string(),
  name: z.string(),
  roles: z.array(Role),
  discipline: Discipline,
  /** Given to guests in meeting invitations as the organiser's number. */
  phone: z.string().nullable(),
  teams: z.array(TeamRef),
  active: z.boolean(),
  /** How many active cases they are responsible for (deactivation hands these to their team's intake queue). */
  activeCases: z.number().int(),
  createdAt: instant,
});
export type StaffAccount = z.infer<typeof StaffAccount>;
export const StaffAccountList = listOf(StaffAccount);
export type StaffAccountList = z.infer<typeof StaffAccountList>;

export const CreateStaffAccount = z.object({
  email: z.email().max(254),
  name: personName,
  roles: roleList,
  discipline: Discipline,
  phone: workPhone.optional(),
  teamIds: teamIds.default([]),
});
export type CreateStaffAccount = z.infer<typeof CreateStaffAccount>;

export const UpdateStaffAccount = z
  .object({
    name: personName.optional(),
    roles: roleList.optional(),
    discipline: Discipline.optional(),
    /** null removes it. */
    phone: workPhone.nullable().optional(),
    teamIds: teamIds.optional(),
    active: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'change at least one field');
export type UpdateStaffAccount = z.infer<typeof UpdateStaffAccount>;

/**
 * A one-time link to set a password, stored only as a hash. With mail set up (SMTP_URL) it goes to the person's
 * own e-mail (`mailedTo`) and the administrator never sees it (`path` and `url` null); without, it is shown
 * once to the administrator.
 */
export const PasswordLink = z.object({
  path: z.string().nullable(),
  url: z.string().nullable(),
  mailedTo: z.string().nullable(),
  expiresAt: instant,
});
export type PasswordLink = z.infer<typeof PasswordLink>;

export const SetPasswordRequest = z.object({ token: z.string().min(20).max(100), password: NewPassword });
export type SetPasswordRequest = z.infer<typeof SetPasswordRequest>;

export const AdminTeam = z.object({
  id: uuid,
  name: z.string(),
  municipality: z.string(),
  memberCount: z.number().int(),
});
export type AdminTeam = z.infer<typeof AdminTeam>;
export const AdminTeamList = listOf(AdminTeam);
export type AdminTeamList = z.infer<typeof AdminTeamList>;

export const CreateTeam = z.object({
  name: z.string().trim().min(2).max(200),
  /** Defaults to the municipality of the existing teams (one installation serves one municipality). */
  municipality: z.string().trim().min(2).max(200).optional(),
});
export type CreateTeam = z.infer<typeof CreateTeam>;
