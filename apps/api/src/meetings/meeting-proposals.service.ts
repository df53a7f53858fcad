import { Injectable } from '@nestjs/common';
import { Permission } from '../access/permission';
import type { GuestActor } from '../common/auth/actor';
import { notFound } from '../common/problem/problem';
import { MeetingChanges } from './meeting-changes';
import { assertAhead, MeetingClashes } from './meeting-clashes';
import { meetingNotProposed, notAProposedTime } from './meetings.errors';
import { MeetingsRepository } from './meetings.repository';

/** The times a proposed meeting offers, and the one its doctor picks (offering them is planning: MeetingScheduleService). */
@Injectable()
export class MeetingProposalsService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly changes: MeetingChanges,
    private readonly clashes: MeetingClashes,
  ) {}

  /**
   * The doctor's choice on their link: the proposed meeting gets the proposal starting at `start`. Its staff must
   * still be free then (the same clash rule as planning and moving); logged as the guest's change.
   */
  async choose(actor: GuestActor, start: Date): Promise<void> {
    const meetingId = actor.meetingId;
    await this.changes.commit(actor, Permission.GuestChoose, meetingId, async () => {
      const m = await this.meetings.lockMeeting(meetingId);
      if (!m) throw notFound('Meeting');
      if (m.status !== 'proposed') throw meetingNotProposed();
      const chosen = m.proposals.find((p) => p.startAt.getTime() === start.getTime());
      if (!chosen) throw notAProposedTime();
      const span = { start: chosen.startAt, end: chosen.endAt };
      assertAhead([span], ['start']);
      await this.clashes.assertStaffFree(m.participants, [], span, 'start', meetingId);
      await this.meetings.update(meetingId, { status: 'scheduled', startAt: chosen.startAt, endAt: chosen.endAt });
      // Choosing a time is accepting it (the doctor's page says so at once).
      await this.meetings.setResponse(actor.participantId, 'accepted');
      return { meetingId, change: 'scheduled', result: undefined, audit: { details: { start: start.toISOString() } } };
    });
  }
}
