import { LoginResponse, Me } from '@tvaers/contracts';
import type { LoginRequest } from '@tvaers/contracts';
import { request } from './http-client';

/** The signed-in staff member; rejects with an ApiError of status 401 without a session. */
export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return request('/me', Me, { signal, reportUnauthorized: false });
}

export async function login(credentials: LoginRequest): Promise<Me> {
  const { user } = await request('/auth/login', LoginResponse, {
    method: 'POST',
    body: credentials,
    reportUnauthorized: false,
  });
  return user;
}

export async function logout(): Promise<void> {
  await request('/auth/logout', undefined, { method: 'POST', reportUnauthorized: false });
}
