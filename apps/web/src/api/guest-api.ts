import type { MeetingStatus, ParticipantKind, TimeRange } from '@tvaers/contracts';
import { request } from './http-client';

/** What a guest link shows (GET /api/guest/:token). Not in the contract lib yet. */
export interface GuestMeetingView {
  meeting: {
    id: string;
    title: string;
    status: MeetingStatus;
    start: string | null;
    end: string | null;
    proposals: TimeRange[];
    location: string | null;
    videoUrl: string | null;
  };
  guest: { participantId: string; kind: ParticipantKind; name: string };
  planExcerpt: unknown;
}

/** Rejects with an ApiError of status 404 for an unknown, revoked or expired link. */
export async function fetchGuestMeeting(token: string, signal?: AbortSignal): Promise<GuestMeetingView> {
  const data = await request(`/guest/${encodeURIComponent(token)}`, undefined, { signal, reportUnauthorized: false });
  return data as GuestMeetingView;
}
