import { LoginResponse, Me } from '@tvaers/contracts';
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

export async function logout(): Promise<void> {
  await unwrap(api.POST('/api/auth/logout'), undefined, { reportUnauthorized: false });
}
