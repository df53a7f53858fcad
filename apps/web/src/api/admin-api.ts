import {
  AdminTeam,
  AdminTeamList,
  type CreateStaffAccount,
  type CreateTeam,
  PasswordLink,
  type SetPasswordRequest,
  StaffAccount,
  StaffAccountList,
  type UpdateStaffAccount,
} from '@tvaers/contracts';
import { api, unwrap } from './http-client';

export function fetchStaffAccounts(signal?: AbortSignal): Promise<StaffAccountList> {
  return unwrap(api.GET('/api/admin/staff', { signal }), StaffAccountList);
}

export function createStaffAccount(body: CreateStaffAccount): Promise<StaffAccount> {
  return unwrap(api.POST('/api/admin/staff', { body }), StaffAccount);
}

export function updateStaffAccount(id: string, body: UpdateStaffAccount): Promise<StaffAccount> {
  return unwrap(api.PATCH('/api/admin/staff/{id}', { params: { path: { id } }, body }), StaffAccount);
}

/** A one-time set-password link for the person: shown once, then only its hash is kept. */
export function issuePasswordLink(id: string): Promise<PasswordLink> {
  return unwrap(api.POST('/api/admin/staff/{id}/password-reset', { params: { path: { id } } }), PasswordLink);
}

export function fetchAdminTeams(signal?: AbortSignal): Promise<AdminTeamList> {
  return unwrap(api.GET('/api/admin/teams', { signal }), AdminTeamList);
}

export function createAdminTeam(body: CreateTeam): Promise<AdminTeam> {
  return unwrap(api.POST('/api/admin/teams', { body }), AdminTeam);
}

/** Public: the link's holder sets their password (no session). */
export async function setPassword(body: SetPasswordRequest): Promise<void> {
  await unwrap(api.POST('/api/auth/set-password', { body }), undefined, { reportUnauthorized: false });
}
