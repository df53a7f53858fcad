import type { LoginRequest, Me, PasswordNotice } from '@tvaers/contracts';
import { useCallback, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useSessionCalls, useSessionUser } from '../hooks/useSessionUser';
import { SessionContext } from '../session-context';
import type { Session, SessionState } from '../session-context';

/** Asks GET /api/me once on start, and keeps the signed-in staff member for the app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const me = useSessionUser();
  const { forget, signIn: login, signOut, refresh } = useSessionCalls();

  const [endReason, setEndReason] = useState<'access-ended' | null>(null);
  const [passwordNotice, setPasswordNotice] = useState<PasswordNotice | null>(null);
  const { isPending, isError, data: user } = me;
  const state = useMemo<SessionState>(() => {
    if (isPending) return { status: 'loading' };
    if (isError) return { status: 'unavailable' };
    if (user) return { status: 'signedIn', user };
    return endReason ? { status: 'signedOut', reason: endReason } : { status: 'signedOut' };
  }, [isPending, isError, user, endReason]);

  const endedByServer = useCallback(
    (reason: 'access-ended') => {
      setEndReason(reason);
      forget();
    },
    [forget],
  );

  const signIn = useCallback(
    async (credentials: LoginRequest): Promise<Me> => {
      const { user, passwordNotice: notice } = await login(credentials);
      setEndReason(null);
      setPasswordNotice(notice);
      return user;
    },
    [login],
  );

  const dismissPasswordNotice = useCallback(() => setPasswordNotice(null), []);

  const session = useMemo<Session>(
    () => ({ state, signIn, signOut, refresh, endedByServer, passwordNotice, dismissPasswordNotice }),
    [state, signIn, signOut, refresh, endedByServer, passwordNotice, dismissPasswordNotice],
  );
  return <SessionContext value={session}>{children}</SessionContext>;
}
