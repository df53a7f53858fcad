import {
  Availability,
  Busy,
  type BusySpan,
  type CreateMeeting,
  GuestLink,
  Meeting,
  MeetingList,
  MeetingNotes,
  NotesHistory,
  type RecordOutcome,
  type TimeRange,
  type UpdateMeeting,
} from '@tvaers/contracts';
import { api, unwrap } from './http-client';
import { fetchAllPages } from './paging';

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
export function fetchMeetings(range: TimeWindow, staffId?: string, signal?: AbortSignal): Promise<Meeting[]> {
  return fetchAllPages((page) =>
    unwrap(
      api.GET('/api/meetings', { params: { query: { from: range.from, to: range.to, staffId, ...page } }, signal }),
      MeetingList,
    ),
  );
}

/** One meeting with its participants; 404 when it does not exist or is out of the caller's reach. */
export function fetchMeeting(meetingId: string, signal?: AbortSignal): Promise<Meeting> {
  return unwrap(api.GET('/api/meetings/{id}', { params: { path: { id: meetingId } }, signal }), Meeting);
}

/** A case's meetings, upcoming and held (`GET /api/meetings?caseId=`). */
export function fetchCaseMeetings(caseId: string, signal?: AbortSignal): Promise<Meeting[]> {
  return fetchAllPages((page) =>
    unwrap(api.GET('/api/meetings', { params: { query: { caseId, ...page } }, signal }), MeetingList),
  );
}

/** A meeting's shared notes as text; `editable` false once it is held or cancelled. */
export function fetchMeetingNotes(meetingId: string, signal?: AbortSignal): Promise<MeetingNotes> {
  return unwrap(api.GET('/api/meetings/{id}/notes', { params: { path: { id: meetingId } }, signal }), MeetingNotes);
}

/** The notes' earlier versions, newest first. */
export function fetchNotesHistory(meetingId: string, signal?: AbortSignal): Promise<NotesHistory> {
  return unwrap(
    api.GET('/api/meetings/{id}/notes/history', { params: { path: { id: meetingId } }, signal }),
    NotesHistory,
  );
}

/** Puts the notes back to an earlier version (its `seq`); the live room hears the change. */
export function restoreNotes(meetingId: string, seq: number): Promise<MeetingNotes> {
  return unwrap(
    api.POST('/api/meetings/{id}/notes/restore', { params: { path: { id: meetingId } }, body: { seq } }),
    MeetingNotes,
  );
}

/** Shares the notes with another guest, or stops sharing them; answers the meeting. */
export function shareNotes(meetingId: string, participantId: string, shared: boolean): Promise<Meeting> {
  return unwrap(
    api.PUT('/api/meetings/{id}/participants/{participantId}/notes-sharing', {
      params: { path: { id: meetingId, participantId } },
      body: { shared },
    }),
    Meeting,
  );
}

/** Plans a meeting: a fixed time, or 2–5 proposals; 409 MEETING_CONFLICT names who is not free. */
export function createMeeting(body: CreateMeeting): Promise<Meeting> {
  return unwrap(api.POST('/api/meetings', { body }), Meeting);
}

/** Reschedules, cancels or marks a meeting held; 409 MEETING_CONFLICT or MEETING_CLOSED. */
export function updateMeeting(meetingId: string, body: UpdateMeeting): Promise<Meeting> {
  return unwrap(api.PATCH('/api/meetings/{id}', { params: { path: { id: meetingId } }, body }), Meeting);
}

/** Times all these staff members are free for `durationMinutes` in the window. */
export async function fetchAvailability(
  staffIds: string[],
  window: TimeWindow,
  durationMinutes: number,
  signal?: AbortSignal,
): Promise<TimeRange[]> {
  const { slots } = await unwrap(
    api.GET('/api/availability', {
      params: { query: { staffIds: staffIds.join(','), from: window.from, to: window.to, durationMinutes } },
      signal,
    }),
    Availability,
  );
  return slots;
}

/** When these colleagues are taken in the window: meetings, open proposals and absences (times only). */
export async function fetchBusy(staffIds: string[], window: TimeWindow, signal?: AbortSignal): Promise<BusySpan[]> {
  const { busy } = await unwrap(
    api.GET('/api/availability/busy', {
      params: { query: { staffIds: staffIds.join(','), from: window.from, to: window.to } },
      signal,
    }),
    Busy,
  );
  return busy;
}

/** A new link for a participant without an account; an earlier link stops working. */
export function createGuestLink(meetingId: string, participantId: string): Promise<GuestLink> {
  return unwrap(
    api.POST('/api/meetings/{id}/participants/{participantId}/link', {
      params: { path: { id: meetingId, participantId } },
    }),
    GuestLink,
  );
}

/** Revokes a participant's link. */
export async function revokeGuestLink(meetingId: string, participantId: string): Promise<void> {
  await unwrap(
    api.DELETE('/api/meetings/{id}/participants/{participantId}/link', {
      params: { path: { id: meetingId, participantId } },
    }),
  );
}

/** The caller accepts or declines their own invitation (staff participants); answers the meeting as they see it. */
export function respondToMeeting(meetingId: string, response: 'accepted' | 'declined'): Promise<Meeting> {
  return unwrap(
    api.POST('/api/meetings/{id}/response', { params: { path: { id: meetingId } }, body: { response } }),
    Meeting,
  );
}

/** Marks a started meeting held with its summary and decisions; effort decisions change the plan in one version. */
export function recordMeetingOutcome(meetingId: string, body: RecordOutcome): Promise<Meeting> {
  return unwrap(api.POST('/api/meetings/{id}/outcome', { params: { path: { id: meetingId } }, body }), Meeting);
}
