import { Injectable } from '@nestjs/common';
import type { Meeting, RespondToMeeting } from '@tvaers/contracts';
import { Permission } from '../access/permission';
import type { GuestActor, StaffActor } from '../common/auth/actor';
import { notFound, validationFailed } from '../common/problem/problem';
import { MeetingChanges } from './meeting-changes';
import { meetingClosed } from './meetings.errors';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';

/** What participants do with a meeting: answer their invitation, and which guests see its notes. */
@Injectable()
export class MeetingParticipantsService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly changes: MeetingChanges,
    private readonly reads: MeetingsService,
  ) {}

  /**
   * A staff participant answers their own invitation; a participant from another team may (participation lets
   * them read the meeting), anyone else of the case who does not take part gets 404.
   */
  async respond(actor: StaffActor, id: string, input: RespondToMeeting): Promise<Meeting> {
    await this.answer(actor, Permission.MeetingRespond, id, () => this.meetings.staffParticipant(id, actor.id), input);
    return this.reads.seenBy(actor, id);
  }

  /**
   * A participant's answer to the invitation (staff on the meeting page, a guest on their link): on the one
   * change path with its access-log row; no mail, but the room hears of it (`meeting.answered`).
   */
  async answer(
    actor: StaffActor | GuestActor,
    permission: Permission.MeetingRespond | Permission.GuestRespond,
    meetingId: string,
    participant: () => Promise<string | null>,
    input: RespondToMeeting,
  ): Promise<void> {
    await this.changes.commit(actor, permission, meetingId, async () => {
      const m = await this.meetings.lockMeeting(meetingId);
      const participantId = m && (await participant());
      if (!m || !participantId) throw notFound('Meeting');
      if (m.status === 'cancelled' || m.status === 'held') throw meetingClosed(m.status);
      await this.meetings.setResponse(participantId, input.response);
      return {
        meetingId,
        change: null,
        result: undefined,
        audit: { entityId: participantId, details: { response: input.response } },
        events: [['meeting.answered', { meetingId }]],
      };
    });
  }

  /**
   * Shares the meeting's notes with another guest (employer, companion, coordinator), or stops sharing them:
   * staff who may change the meeting; the doctor and the citizen always see the notes, so only `guest`s.
   */
  async shareNotes(actor: StaffActor, id: string, participantId: string, shared: boolean): Promise<Meeting> {
    await this.changes.commit(actor, Permission.MeetingWrite, id, async () => {
      const kind = await this.meetings.setNotesShared(id, participantId, shared);
      if (kind === null) throw notFound('Participant');
      if (kind !== 'guest') {
        throw validationFailed([
          { path: 'participantId', message: 'only another guest’s access to the notes can be changed' },
        ]);
      }
      return {
        meetingId: id,
        change: null,
        result: undefined,
        audit: { action: 'meeting.notes.share', entityId: id, details: { participantId, shared } },
        events: [['meeting.notes.shared', { meetingId: id, participantId, shared }]],
      };
    });
    return this.reads.seenBy(actor, id);
  }
}
