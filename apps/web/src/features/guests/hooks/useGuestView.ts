import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateHealthStatement, CreateOwnAssessment, GuestMeeting, GuestView } from '@tvaers/contracts';
import { chooseTime, fetchGuestView, respond, sendHealthStatement, sendOwnAssessment } from '@web/api/guests-api';
import { isNotFound } from '@web/shared/lib/errors';
import { queryKeys } from '@web/shared/query/query-keys';

/** The page behind a guest link; an unknown, revoked or expired link (404) is not asked again. */
export function useGuestView(token: string) {
  return useQuery({
    queryKey: queryKeys.guestView(token),
    queryFn: ({ signal }) => fetchGuestView(token, signal),
    retry: (count, failure) => !isNotFound(failure) && count < 2,
  });
}

const changeView = (queryClient: QueryClient, token: string, change: (view: GuestView) => GuestView) =>
  queryClient.setQueryData<GuestView>(queryKeys.guestView(token), (old) => (old ? change(old) : old));

/** The doctor picks a proposal. Choosing a time is accepting it: the server records the answer with the choice. */
export function useChooseTime(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (start: string) => chooseTime(token, start),
    onSuccess: (meeting) =>
      changeView(queryClient, token, (old) => ({ ...old, meeting, guest: { ...old.guest, response: 'accepted' } })),
  });
}

/** The guest's own answer (accepted or declined). */
export function useGuestResponse(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (choice: 'accepted' | 'declined') => respond(token, choice),
    onSuccess: (guest) => changeView(queryClient, token, (old) => ({ ...old, guest })),
  });
}

/** The doctor's statement; the newest shows first. */
export function useSendHealthStatement(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (statement: CreateHealthStatement) => sendHealthStatement(token, statement),
    onSuccess: (sent) =>
      changeView(queryClient, token, (old) => ({
        ...old,
        given: { ...old.given, healthStatements: [sent, ...old.given.healthStatements] },
      })),
  });
}

/** The citizen's own assessment; the newest shows first. */
export function useSendOwnAssessment(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assessment: CreateOwnAssessment) => sendOwnAssessment(token, assessment),
    onSuccess: (sent) =>
      changeView(queryClient, token, (old) => ({
        ...old,
        given: { ...old.given, ownAssessments: [sent, ...old.given.ownAssessments] },
      })),
  });
}

/** What the live room tells the guest's page: a meeting changed, or the connection came back. */
export function useGuestViewUpdates(token: string) {
  const queryClient = useQueryClient();
  const refetch = () => void queryClient.invalidateQueries({ queryKey: queryKeys.guestView(token), exact: true });
  return {
    onMeeting: (updated: GuestMeeting) => {
      changeView(queryClient, token, (old) => ({ ...old, meeting: updated }));
      // The view also says whether the notes are shared with this guest (the organiser may just have changed it).
      refetch();
    },
    onReconnect: refetch,
  };
}
