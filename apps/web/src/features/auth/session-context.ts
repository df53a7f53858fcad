import type { LoginRequest, Me, PasswordNotice } from '@tvaers/contracts';
import { createContext } from 'react';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signedIn'; user: Me }
  /** `access-ended`: the server ended the session because the person was deactivated. */
  | { status: 'signedOut'; reason?: 'access-ended' }
  /** The session could not be checked: the server is down or unreachable. */
  | { status: 'unavailable' };

export interface Session {
  state: SessionState;
  signIn: (credentials: LoginRequest) => Promise<Me>;
  signOut: () => Promise<void>;
  /** Ask the server again who is signed in (after "unavailable"). */
  refresh: () => void;
  /** The server ended this session (deactivation): forget it and say why on the login page. */
  endedByServer: (reason: 'access-ended') => void;
  /** Told once after login: who issued the set-password link last used, and when (null: nothing to tell). */
  passwordNotice: PasswordNotice | null;
  dismissPasswordNotice: () => void;
}

export const SessionContext = createContext<Session | null>(null);
