import { AuthConfig, LoginResponse, Me, StaffSessionList } from '@tvaers/contracts';
import type { LoginRequest, PasswordNotice } from '@tvaers/contracts';
import { api, unwrap } from './http-client';

/** The signed-in staff member; rejects with an ApiError of status 401 without a session. */
export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return unwrap(api.GET('/api/me', { signal }), Me, { reportUnauthorized: false });
}

/** The user, and once after a set-password link an administrator issued: who issued it and when. */
export async function login(credentials: LoginRequest): Promise<{ user: Me; passwordNotice: PasswordNotice | null }> {
  const { user, passwordNotice } = await unwrap(api.POST('/api/auth/login', { body: credentials }), LoginResponse, {
    reportUnauthorized: false,
  });
  return { user, passwordNotice: passwordNotice ?? null };
}

/** What the login page offers: the municipality's login, and whether Tværs passwords work. */
export function fetchAuthConfig(signal?: AbortSignal): Promise<AuthConfig> {
  return unwrap(api.GET('/api/auth/config', { signal }), AuthConfig, { reportUnauthorized: false });
}

/** Where the browser goes to log in with the municipality's login (a full navigation, not a fetch). */
export const SSO_LOGIN_PATH = '/api/auth/oidc/login';

export async function logout(): Promise<void> {
  await unwrap(api.POST('/api/auth/logout'), undefined, { reportUnauthorized: false });
}

/** The signed-in person's own live sessions, this one marked. */
export function fetchMySessions(signal?: AbortSignal): Promise<StaffSessionList> {
  return unwrap(api.GET('/api/auth/sessions', { signal }), StaffSessionList);
}

/** Ends one of the person's own sessions (and its open live connections). */
export async function endMySession(id: string): Promise<void> {
  await unwrap(api.DELETE('/api/auth/sessions/{id}', { params: { path: { id } } }));
}

/** Logs out everywhere: every session of the person, this one too. */
export async function logoutEverywhere(): Promise<void> {
  await unwrap(api.POST('/api/auth/sessions/logout-all'));
}
