import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

// OWASP's argon2id baseline (19 MiB, t=2) keeps a login well under 100 ms on this hardware.
const OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, OPTIONS);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Verified against when the e-mail is unknown, so the answer takes as long either way. */
let dummy: Promise<string> | undefined;
export const dummyHash = (): Promise<string> => (dummy ??= hashPassword('not-a-real-password'));

/** The argon2 calls as a service, so a test can count them (a bogus link must cost no hash). */
@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return hashPassword(password);
  }

  /** Checks against the person's hash, or a dummy one for an unknown e-mail so both take as long. */
  async verify(hash: string | undefined, password: string): Promise<boolean> {
    return verifyPassword(hash ?? (await dummyHash()), password);
  }
}
