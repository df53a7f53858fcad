import type { LoginRequest, Me } from '@tvaers/contracts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { fetchMe, login, logout } from '../../../api/auth-api';
import { ApiError, isAbortError, onUnauthorized } from '../../../api/http-client';
import { SessionContext } from '../session-context';
import type { Session, SessionState } from '../session-context';

/** Asks GET /api/me once on start, and keeps the signed-in staff member for the app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [probe, setProbe] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchMe(controller.signal).then(
      (user) => setState({ status: 'signedIn', user }),
      (error: unknown) => {
        if (isAbortError(error)) return;
        setState(
          error instanceof ApiError && error.status === 401 ? { status: 'signedOut' } : { status: 'unavailable' },
        );
      },
    );
    return () => controller.abort();
  }, [probe]);

  // Any protected call answering 401 means the session ended (expired, logged out elsewhere).
  useEffect(() => onUnauthorized(() => setState({ status: 'signedOut' })), []);

  const signIn = useCallback(async (credentials: LoginRequest): Promise<Me> => {
    const user = await login(credentials);
    setState({ status: 'signedIn', user });
    return user;
  }, []);

  const signOut = useCallback(async (): Promise<void> => {
    try {
      await logout();
    } finally {
      // Even if the server could not be told, this browser forgets the user.
      setState({ status: 'signedOut' });
    }
  }, []);

  const refresh = useCallback(() => {
    setState({ status: 'loading' });
    setProbe((n) => n + 1);
  }, []);

  const session = useMemo<Session>(() => ({ state, signIn, signOut, refresh }), [state, signIn, signOut, refresh]);
  return <SessionContext value={session}>{children}</SessionContext>;
}
