import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchAllPages } from '@web/api/paging';
import { fetchWorklist } from '@web/api/worklist-api';
import type { WorklistFilter } from '@web/api/worklist-api';
import { queryKeys } from '@web/shared/query/query-keys';

/** The worklist a page at a time, in the server's order (most urgent first); `items` are the pages loaded so far. */
export function useWorklist(filter: WorklistFilter) {
  const query = useInfiniteQuery({
    queryKey: queryKeys.worklist(filter),
    queryFn: ({ pageParam, signal }) => fetchWorklist(filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items), [query.data]);
  return { ...query, items, total: query.data?.pages[0]?.total };
}

/**
 * Every deadline of one person's cases in the team, also the non-urgent ones (each case's next deadline): one
 * person's list is short, so every page is fetched (the one helper for bounded lists).
 */
export function usePersonWorklist(staffId: string) {
  const filter: WorklistFilter = { scope: 'team', includeOk: true, responsible: staffId };
  const query = useQuery({
    queryKey: queryKeys.worklist(filter, true),
    queryFn: ({ signal }) => fetchAllPages((page) => fetchWorklist(filter, page.cursor, signal, page.limit)),
  });
  return { ...query, items: query.data };
}
