import type { Meeting, MeetingCore, MeetingOutcome } from '@tvaers/contracts';
import type { MeetingDecisionEntity } from './meeting-decision.entity';
import type { MeetingRow } from './meetings.repository';

/** A held meeting's outcome; null for one not (yet) held through POST …/outcome. */
export function toOutcome(m: MeetingRow, decisions: MeetingDecisionEntity[]): MeetingOutcome | null {
  if (!m.heldAt || m.summary === null) return null;
  return {
    summary: m.summary,
    decisions: decisions.map((d) => ({
      text: d.text,
      effort: d.effortAction && d.effortId ? { action: d.effortAction, effortId: d.effortId } : null,
    })),
    heldAt: m.heldAt.toISOString(),
    heldBy: { id: m.heldById ?? '', name: m.heldByName ?? '' },
    planVersion: m.outcomePlanVersion,
  };
}

/** What depends on who reads the meeting: whether they manage it, and their own participant row. */
export interface MeetingViewer {
  canManage: boolean;
  staffId: string;
}

/** A meeting as the caller sees it (see toMeetingCore). */
export function toMeeting(m: MeetingRow, viewer: MeetingViewer, outcome?: MeetingOutcome | null): Meeting {
  return {
    ...toMeetingCore(m, outcome),
    canManage: viewer.canManage,
    myParticipantId: (m.participants ?? []).find((p) => p.staffId === viewer.staffId)?.id ?? null,
  };
}

/** A meeting; `outcome` only when read one by one (undefined leaves it out, as lists do). */
export function toMeetingCore(m: MeetingRow, outcome?: MeetingOutcome | null): MeetingCore {
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
    agenda: m.agenda,
    participants: (m.participants ?? []).map((p) => ({
      id: p.id,
      kind: p.kind,
      name: p.name,
      staffId: p.staffId,
      response: p.response,
      link: p.kind === 'staff' ? null : p.link,
      notesShared: p.kind !== 'guest' || p.notesShared,
    })),
    ...(outcome !== undefined ? { outcome } : {}),
  };
}
