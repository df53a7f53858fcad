import { MeetingList } from '@tvaers/contracts';
import type { Meeting } from '@tvaers/contracts';
import { api, unwrap } from './http-client';

export interface TimeWindow {
  /** ISO 8601 instant with offset. */
  from: string;
  /** ISO 8601 instant with offset, after `from`. */
  to: string;
}

/** The caller's meetings that overlap the window (scheduled by time, proposed by any proposal). */
export async function fetchMeetings(range: TimeWindow, signal?: AbortSignal): Promise<Meeting[]> {
  const { items } = await unwrap(
    api.GET('/api/meetings', { params: { query: { from: range.from, to: range.to } }, signal }),
    MeetingList,
  );
  return items;
}
