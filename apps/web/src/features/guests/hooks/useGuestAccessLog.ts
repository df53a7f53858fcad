import { useInfiniteQuery } from '@tanstack/react-query';
import { fetchGuestAccessLog } from '@web/api/guests-api';
import { queryKeys } from '@web/shared/query/query-keys';

/** The citizen's own access log, newest first, a page at a time. */
export function useGuestAccessLog(token: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.guestAccessLog(token),
    queryFn: ({ pageParam, signal }) => fetchGuestAccessLog(token, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
