import { keepPreviousData, queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Meeting } from '@tvaers/contracts';
import { fetchBusy, fetchMeetings } from '@web/api/meetings-api';
import type { TimeWindow } from '@web/api/meetings-api';
import { queryKeys } from '@web/shared/query/query-keys';

function meetingsQuery(range: TimeWindow | null, staffId: string | undefined) {
  const from = range?.from;
  const to = range?.to;
  return queryOptions({
    queryKey: queryKeys.meetings(from, to, staffId),
    queryFn: ({ signal }) => fetchMeetings({ from: from ?? '', to: to ?? '' }, staffId, signal),
    enabled: from !== undefined && to !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The caller's meetings in a window (the calendar's visible range); the shown ones stay while a new window loads. */
export function useMeetings(range: TimeWindow | null) {
  return useQuery(meetingsQuery(range, undefined));
}

export interface ColleagueMeetings {
  data: Meeting[] | undefined;
  error: Error | null;
  isFetching: boolean;
}

/** Module-level, so the combined array keeps its identity until a query's result changes. */
const combine = (results: UseQueryResult<Meeting[]>[]): ColleagueMeetings[] =>
  results.map(({ data, error, isFetching }) => ({ data, error, isFetching }));

/** The same list (`GET /api/meetings?staffId=`) for each chosen colleague, in the order given. */
export function useColleagueMeetings(range: TimeWindow | null, staffIds: readonly string[]): ColleagueMeetings[] {
  return useQueries({ queries: staffIds.map((staffId) => meetingsQuery(range, staffId)), combine });
}

/** The chosen colleagues' busy time in the window, as background for the calendar; nothing while none is chosen. */
export function useBusy(range: TimeWindow | null, staffIds: readonly string[]) {
  const ids = [...staffIds].sort();
  return useQuery({
    queryKey: queryKeys.busy(ids, range?.from, range?.to),
    queryFn: ({ signal }) => fetchBusy(ids, range ?? { from: '', to: '' }, signal),
    enabled: range !== null && ids.length > 0,
    placeholderData: keepPreviousData,
  });
}
