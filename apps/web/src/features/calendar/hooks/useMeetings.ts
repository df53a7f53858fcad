import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchMeetings } from '@web/api/meetings-api';
import type { TimeWindow } from '@web/api/meetings-api';
import { queryKeys } from '@web/shared/query/query-keys';

/** The caller's meetings in a window (the calendar's visible range); the shown ones stay while a new window loads. */
export function useMeetings(range: TimeWindow | null) {
  const from = range?.from;
  const to = range?.to;
  return useQuery({
    queryKey: queryKeys.meetings(from, to),
    queryFn: ({ signal }) => fetchMeetings({ from: from ?? '', to: to ?? '' }, signal),
    enabled: from !== undefined && to !== undefined,
    placeholderData: keepPreviousData,
  });
}
