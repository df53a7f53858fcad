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

/** A guest's write whose answer is put into the page's view (no second fetch). */
function useViewWrite<TInput, TAnswer>(
  token: string,
  write: (input: TInput) => Promise<TAnswer>,
  change: (view: GuestView, answer: TAnswer) => GuestView,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (answer) => changeView(queryClient, token, (view) => change(view, answer)),
  });
}

/** The doctor picks a proposal. Choosing a time is accepting it: the server records the answer with the choice. */
export const useChooseTime = (token: string) =>
  useViewWrite(
    token,
    (start: string) => chooseTime(token, start),
    (view, meeting) => ({ ...view, meeting, guest: { ...view.guest, response: 'accepted' } }),
  );

/** The guest's own answer (accepted or declined). */
export const useGuestResponse = (token: string) =>
  useViewWrite(
    token,
    (choice: 'accepted' | 'declined') => respond(token, choice),
    (view, guest) => ({ ...view, guest }),
  );

/** The doctor's statement; the newest shows first. */
export const useSendHealthStatement = (token: string) =>
  useViewWrite(
    token,
    (statement: CreateHealthStatement) => sendHealthStatement(token, statement),
    (view, sent) => ({ ...view, given: { ...view.given, healthStatements: [sent, ...view.given.healthStatements] } }),
  );

/** The citizen's own assessment; the newest shows first. */
export const useSendOwnAssessment = (token: string) =>
  useViewWrite(
    token,
    (assessment: CreateOwnAssessment) => sendOwnAssessment(token, assessment),
    (view, sent) => ({ ...view, given: { ...view.given, ownAssessments: [sent, ...view.given.ownAssessments] } }),
  );

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
