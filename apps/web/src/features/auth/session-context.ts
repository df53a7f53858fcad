import type { LoginRequest, Me } from '@tvaers/contracts';
import { createContext } from 'react';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signedIn'; user: Me }
  | { status: 'signedOut' }
  /** The session could not be checked: the server is down or unreachable. */
  | { status: 'unavailable' };

export interface Session {
  state: SessionState;
  signIn: (credentials: LoginRequest) => Promise<Me>;
  signOut: () => Promise<void>;
  /** Ask the server again who is signed in (after "unavailable"). */
  refresh: () => void;
}

export const SessionContext = createContext<Session | null>(null);
