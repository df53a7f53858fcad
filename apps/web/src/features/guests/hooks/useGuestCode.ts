import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendGuestCode, verifyGuestCode } from '@web/api/guests-api';
import { queryKeys } from '@web/shared/query/query-keys';

/** Mails the guest a one-time code. */
export function useSendGuestCode(token: string) {
  return useMutation({ mutationFn: () => sendGuestCode(token) });
}

/** The right code lets this browser see everything: the page (and what sits under it) is fetched again. */
export function useVerifyGuestCode(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => verifyGuestCode(token, code),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.guestView(token) }),
  });
}
