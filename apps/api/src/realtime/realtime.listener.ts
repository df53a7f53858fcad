import { Injectable, Logger } from '@nestjs/common';
import { GuestMeeting, rooms } from '@tvaers/contracts';
import { CaseloadService } from '../caseload/caseload.service';
import { type DomainEventMap, OnDomainEvent } from '../common/events/domain-events';
import { MeetingsService } from '../meetings/meetings.service';
import { RealtimeRooms } from './realtime-rooms';
import { RealtimeServer } from './realtime-server';
import { SocketRevalidation } from './socket-revalidation';

/** Turns domain events into pushes: who hears what is decided here, not in the services. */
@Injectable()
export class RealtimeListener {
  private readonly log = new Logger('realtime');

  constructor(
    private readonly io: RealtimeServer,
    private readonly rooms: RealtimeRooms,
    private readonly revalidation: SocketRevalidation,
    private readonly meetings: MeetingsService,
    private readonly caseload: CaseloadService,
  ) {}

  /** The team's rows as GET /api/caseload has them, to the team's managers (only they join team rooms). */
  @OnDomainEvent('caseload.changed')
  async caseloadChanged({ teamId }: DomainEventMap['caseload.changed']): Promise<void> {
    const rows = await this.caseload.teamRows(teamId).catch((err: unknown) => {
      this.log.error(err);
      return null;
    });
    if (rows) this.io.emitTo(rooms.team(teamId), 'caseload:updated', { teamId, rows });
  }

  @OnDomainEvent('plan.changed')
  planChanged({ caseId, version }: DomainEventMap['plan.changed']): void {
    this.io.emitTo(rooms.plan(caseId), 'plan:updated', { caseId, version });
  }

  @OnDomainEvent('health.data.received')
  healthDataReceived({ caseId }: DomainEventMap['health.data.received']): void {
    this.io.emitTo(rooms.plan(caseId), 'case:health-data', { caseId });
  }

  @OnDomainEvent('session.ended')
  sessionEnded({ sessionId, reason }: DomainEventMap['session.ended']): void {
    if (reason) this.io.emitTo(rooms.session(sessionId), 'session:ended', { reason });
    this.io.disconnect(rooms.session(sessionId));
  }

  /** Re-checks the sockets at once, on every process (without Redis there is only this one). */
  @OnDomainEvent('staff.access.changed')
  async staffAccessChanged(): Promise<void> {
    await this.revalidation.revalidateEverywhere();
  }

  /** A revoked (or replaced) link's open connections end, on every process. */
  @OnDomainEvent('guest.link.revoked')
  linkRevoked({ participantId }: DomainEventMap['guest.link.revoked']): void {
    this.io.disconnect(rooms.participant(participantId));
  }

  /** Notes changed outside the room (a version restored): to everyone in the room who may read them. */
  @OnDomainEvent('meeting.notes.changed')
  notesChanged({ meetingId, update, text }: DomainEventMap['meeting.notes.changed']): void {
    this.io.emitTo(rooms.meetingNotes(meetingId), 'meeting:notes', { meetingId, update, text });
  }

  /**
   * A share given or taken back: the guest's open sockets start or stop hearing the notes at once, and its
   * page hears the meeting again (so it fetches its view, which says whether the notes are shared).
   */
  @OnDomainEvent('meeting.notes.shared')
  async notesShared({ meetingId, participantId, shared }: DomainEventMap['meeting.notes.shared']): Promise<void> {
    this.rooms.followNotes(meetingId, participantId, shared);
    const meeting = await this.meetings.current(meetingId).catch((err: unknown) => {
      this.log.error(err);
      return null;
    });
    if (meeting) {
      this.io.emitTo(rooms.participant(participantId), 'meeting:updated', {
        meeting: GuestMeeting.parse(meeting),
      });
    }
  }

  /**
   * The meeting as it now is, to its live room: staff as GET /api/meetings/:id shows it, guests as their
   * link's page does. Read without an access-log row: each member's read was checked and logged when it
   * joined, and a push on every change would fill the citizen's log with rows nobody asked for.
   */
  @OnDomainEvent('meeting.scheduled')
  @OnDomainEvent('meeting.moved')
  @OnDomainEvent('meeting.changed')
  @OnDomainEvent('meeting.cancelled')
  @OnDomainEvent('meeting.held')
  @OnDomainEvent('meeting.answered')
  async meetingChanged({ meetingId }: { meetingId: string }): Promise<void> {
    const meeting = await this.meetings.current(meetingId).catch((err: unknown) => {
      this.log.error(err);
      return null;
    });
    if (!meeting) return;
    // Guests see the outcome in their mail only (it may name efforts of the plan they are not shown).
    // Parsed with the guest contract: what a guest is not shown (case, participants, outcome, staff fields) is left out.
    const guestMeeting = GuestMeeting.parse(meeting);
    this.io.emitTo(rooms.meetingStaff(meetingId), 'meeting:updated', { meeting });
    this.io.emitTo(rooms.meetingGuests(meetingId), 'meeting:updated', { meeting: guestMeeting });
  }
}
