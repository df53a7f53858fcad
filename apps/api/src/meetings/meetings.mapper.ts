import type { Meeting } from '@tvaers/contracts';
import type { MeetingEntity } from './meeting.entity';

export function toMeeting(m: MeetingEntity): Meeting {
  return {
    id: m.id,
    caseId: m.caseId,
    title: m.title,
    status: m.status,
    start: m.startAt?.toISOString() ?? null,
    end: m.endAt?.toISOString() ?? null,
    proposals: (m.proposals ?? []).map((p) => ({
      start: p.startAt.toISOString(),
      end: p.endAt.toISOString(),
    })),
    location: m.location,
    videoUrl: m.videoUrl,
    participants: (m.participants ?? []).map((p) => ({
      id: p.id,
      kind: p.kind,
      name: p.name,
      staffId: p.staffId,
      response: p.response,
    })),
  };
}
