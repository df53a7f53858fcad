import { useQuery } from '@tanstack/react-query';
import { fetchOutbox } from '@web/api/invitations-api';
import { queryKeys } from '@web/shared/query/query-keys';

/** The demo outbox (`GET /api/outbox`): the mails to the signed-in user, and whether mails are kept at all. */
export function useInvitationOutbox() {
  return useQuery({ queryKey: queryKeys.outbox, queryFn: ({ signal }) => fetchOutbox(signal) });
}
