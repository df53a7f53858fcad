import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { endMySession, fetchMySessions, logoutEverywhere } from '@web/api/auth-api';
import { queryKeys } from '@web/shared/query/query-keys';

/** `GET /api/auth/sessions`: the signed-in person's own live sessions. */
export function useMySessions() {
  return useQuery({ queryKey: queryKeys.mySessions, queryFn: ({ signal }) => fetchMySessions(signal) });
}

/** Ends one of them; the list is fetched again. */
export function useEndMySession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => endMySession(id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.mySessions }),
  });
}

/** Logs out everywhere; the caller then forgets the user (this session ended too). */
export const useLogoutEverywhere = () => useMutation({ mutationFn: () => logoutEverywhere() });
