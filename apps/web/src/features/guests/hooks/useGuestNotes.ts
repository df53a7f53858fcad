import { useQuery } from '@tanstack/react-query';
import { fetchGuestNotes } from '@web/api/guests-api';
import { queryKeys } from '@web/shared/query/query-keys';

/** The meeting's notes as text, where they are shared with this guest. */
export function useGuestNotes(token: string) {
  return useQuery({ queryKey: queryKeys.guestNotes(token), queryFn: ({ signal }) => fetchGuestNotes(token, signal) });
}
