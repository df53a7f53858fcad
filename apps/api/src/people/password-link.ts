import { createHash, randomBytes } from 'node:crypto';

/** How long a set-password link works: a working day's slack for the mail or the message it travels in. */
export const PASSWORD_LINK_TTL_MS = 24 * 60 * 60 * 1000;

export const passwordTokenHash = (token: string): Buffer => createHash('sha256').update(token).digest();

/** A new one-time link: the token goes to the person once; only its hash is stored. */
export function newPasswordLink(now = new Date()): { token: string; hash: Buffer; path: string; expiresAt: Date } {
  const token = randomBytes(32).toString('base64url');
  return {
    token,
    hash: passwordTokenHash(token),
    path: `/set-password/${token}`,
    expiresAt: new Date(now.getTime() + PASSWORD_LINK_TTL_MS),
  };
}

/** A password nobody knows, for an account whose owner has not set one yet. */
export const unusablePassword = (): string => randomBytes(32).toString('base64url');
