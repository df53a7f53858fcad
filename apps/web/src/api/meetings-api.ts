import { Meeting, MeetingList } from '@tvaers/contracts';
import { api, unwrap } from './http-client';

export interface TimeWindow {
  /** ISO 8601 instant with offset. */
  from: string;
  /** ISO 8601 instant with offset, after `from`. */
  to: string;
}

/**
 * Meetings that overlap the window (scheduled by time, proposed by any proposal) of the caller, or of
 * `staffId`, a colleague in one of the caller's teams (404 otherwise).
 */
export async function fetchMeetings(range: TimeWindow, staffId?: string, signal?: AbortSignal): Promise<Meeting[]> {
  const { items } = await unwrap(
    api.GET('/api/meetings', { params: { query: { from: range.from, to: range.to, staffId } }, signal }),
    MeetingList,
  );
  return items;
}

/** One meeting with its participants; 404 when it does not exist or is out of the caller's reach. */
export function fetchMeeting(meetingId: string, signal?: AbortSignal): Promise<Meeting> {
  return unwrap(api.GET('/api/meetings/{id}', { params: { path: { id: meetingId } }, signal }), Meeting);
}
