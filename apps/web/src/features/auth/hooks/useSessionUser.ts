import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, Me } from '@tvaers/contracts';
import { useCallback, useEffect } from 'react';
import { fetchMe, login, logout } from '@web/api/auth-api';
import { onUnauthorized } from '@web/api/http-client';
import { errorKind } from '@web/shared/lib/errors';
import { queryKeys } from '@web/shared/query/query-keys';

/** GET /api/me; no session is an ordinary answer (null), not an error. */
async function fetchSessionUser(signal: AbortSignal): Promise<Me | null> {
  try {
    return await fetchMe(signal);
  } catch (error) {
    if (errorKind(error) === 'unauthenticated') return null;
    throw error;
  }
}

/** The signed-in staff member (null: nobody), asked once on start. */
export function useSessionUser() {
  return useQuery({ queryKey: queryKeys.me, queryFn: ({ signal }) => fetchSessionUser(signal), staleTime: Infinity });
}

/**
 * Logging in and out, and forgetting a session: also when any protected call answers 401 (expired, logged out
 * elsewhere).
 */
export function useSessionCalls() {
  const queryClient = useQueryClient();
  // Signed out: forget the session and every answer loaded for it, so the next user starts empty.
  const forget = useCallback(() => {
    queryClient.setQueryData(queryKeys.me, null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
  }, [queryClient]);

  useEffect(() => onUnauthorized(forget), [forget]);

  const signIn = useCallback(
    async (credentials: LoginRequest) => {
      const answer = await login(credentials);
      queryClient.setQueryData(queryKeys.me, answer.user);
      return answer;
    },
    [queryClient],
  );

  const signOut = useCallback(async (): Promise<void> => {
    try {
      await logout();
    } finally {
      // Even if the server could not be told, this browser forgets the user.
      forget();
    }
  }, [forget]);

  const refresh = useCallback(() => void queryClient.resetQueries({ queryKey: queryKeys.me }), [queryClient]);
  return { forget, signIn, signOut, refresh };
}
