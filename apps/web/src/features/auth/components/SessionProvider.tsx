import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, Me, PasswordNotice } from '@tvaers/contracts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { fetchMe, login, logout } from '@web/api/auth-api';
import { onUnauthorized } from '@web/api/http-client';
import { errorKind } from '@web/shared/lib/errors';
import { queryKeys } from '@web/shared/query/query-keys';
import { SessionContext } from '../session-context';
import type { Session, SessionState } from '../session-context';

/** GET /api/me; no session is an ordinary answer (null), not an error. */
async function fetchSessionUser(signal: AbortSignal): Promise<Me | null> {
  try {
    return await fetchMe(signal);
  } catch (error) {
    if (errorKind(error) === 'unauthenticated') return null;
    throw error;
  }
}

/** Asks GET /api/me once on start, and keeps the signed-in staff member for the app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => fetchSessionUser(signal),
    staleTime: Infinity,
  });

  const [endReason, setEndReason] = useState<'access-ended' | null>(null);
  const [passwordNotice, setPasswordNotice] = useState<PasswordNotice | null>(null);
  const { isPending, isError, data: user } = me;
  const state = useMemo<SessionState>(() => {
    if (isPending) return { status: 'loading' };
    if (isError) return { status: 'unavailable' };
    if (user) return { status: 'signedIn', user };
    return endReason ? { status: 'signedOut', reason: endReason } : { status: 'signedOut' };
  }, [isPending, isError, user, endReason]);

  // Signed out: forget the session and every answer loaded for it, so the next user starts empty.
  const forget = useCallback(() => {
    queryClient.setQueryData(queryKeys.me, null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
  }, [queryClient]);

  // Any protected call answering 401 means the session ended (expired, logged out elsewhere).
  useEffect(() => onUnauthorized(forget), [forget]);

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
      queryClient.setQueryData(queryKeys.me, user);
      return user;
    },
    [queryClient],
  );

  const dismissPasswordNotice = useCallback(() => setPasswordNotice(null), []);

  const signOut = useCallback(async (): Promise<void> => {
    try {
      await logout();
    } finally {
      // Even if the server could not be told, this browser forgets the user.
      forget();
    }
  }, [forget]);

  const refresh = useCallback(() => void queryClient.resetQueries({ queryKey: queryKeys.me }), [queryClient]);

  const session = useMemo<Session>(
    () => ({ state, signIn, signOut, refresh, endedByServer, passwordNotice, dismissPasswordNotice }),
    [state, signIn, signOut, refresh, endedByServer, passwordNotice, dismissPasswordNotice],
  );
  return <SessionContext value={session}>{children}</SessionContext>;
}
