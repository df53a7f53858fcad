import {
  AccessLog,
  type CreateHealthStatement,
  type CreateOwnAssessment,
  GuestCodeSent,
  GuestMeeting,
  GuestSelf,
  GuestView,
  HealthStatement,
  MeetingNotes,
  OwnAssessment,
} from '@tvaers/contracts';
import { api, unwrap } from './http-client';

const path = (token: string) => ({ path: { token } });
// A guest has no session: a 401 is an answer here, not a reason to go to the login page.
const guest = { reportUnauthorized: false };

/** The meeting behind a guest link; 404 for a link that is unknown, revoked or expired. */
export function fetchGuestView(token: string, signal?: AbortSignal): Promise<GuestView> {
  return unwrap(api.GET('/api/guest/{token}', { params: path(token), signal }), GuestView, guest);
}

/** The doctor picks one of the proposals: the meeting is scheduled at it. */
export function chooseTime(token: string, start: string): Promise<GuestMeeting> {
  return unwrap(api.POST('/api/guest/{token}/choose', { params: path(token), body: { start } }), GuestMeeting, guest);
}

export function respond(token: string, response: 'accepted' | 'declined'): Promise<GuestSelf> {
  return unwrap(api.POST('/api/guest/{token}/response', { params: path(token), body: { response } }), GuestSelf, guest);
}

export function sendHealthStatement(token: string, body: CreateHealthStatement): Promise<HealthStatement> {
  return unwrap(api.POST('/api/guest/{token}/health-statement', { params: path(token), body }), HealthStatement, guest);
}

export function sendOwnAssessment(token: string, body: CreateOwnAssessment): Promise<OwnAssessment> {
  return unwrap(api.POST('/api/guest/{token}/own-assessment', { params: path(token), body }), OwnAssessment, guest);
}

/** Who has seen the citizen's data, newest first; `cursor` for the next page. */
export function fetchGuestAccessLog(token: string, cursor?: string, signal?: AbortSignal): Promise<AccessLog> {
  return unwrap(
    api.GET('/api/guest/{token}/access-log', { params: { ...path(token), query: { cursor } }, signal }),
    AccessLog,
    guest,
  );
}

/** The meeting's notes as text (also once held); 404 where they are not shared with this guest. */
export function fetchGuestNotes(token: string, signal?: AbortSignal): Promise<MeetingNotes> {
  return unwrap(api.GET('/api/guest/{token}/notes', { params: path(token), signal }), MeetingNotes, guest);
}

/** Mails the guest a one-time code (where the municipality requires one before health data shows). */
export function sendGuestCode(token: string): Promise<GuestCodeSent> {
  return unwrap(api.POST('/api/guest/{token}/code', { params: path(token) }), GuestCodeSent, guest);
}

/** The right code verifies this browser for the link (an HttpOnly cookie the server sets). */
export function verifyGuestCode(token: string, code: string): Promise<void> {
  return unwrap(api.POST('/api/guest/{token}/verify', { params: path(token), body: { code } }), undefined, guest);
}
