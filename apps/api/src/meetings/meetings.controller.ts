import {
  CreateMeeting,
  DoctorParticipationQuery,
  Meeting,
  MeetingList,
  MeetingListQuery,
  NotesSharing,
  RecordOutcome,
  RespondToMeeting,
  UpdateMeeting,
} from '@tvaers/contracts';
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffController } from '../common/auth/decorators';
import { UuidParam } from '../common/validation/uuid-param';
import { ZBody, ZQuery } from '../common/validation/zod';
import type { CsvFile } from '../common/csv/csv';
import { CsvEndpoint, Endpoint } from '../common/http/endpoint';
import { MeetingOutcomeService } from './meeting-outcome.service';
import { MeetingParticipantsService } from './meeting-participants.service';
import { MeetingScheduleService } from './meeting-schedule.service';
import { MeetingsService } from './meetings.service';

@StaffController('meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly schedule: MeetingScheduleService,
    private readonly participants: MeetingParticipantsService,
    private readonly outcome: MeetingOutcomeService,
  ) {}

  @Endpoint('POST', {
    summary: 'Plan a roundtable meeting: at a fixed time, or with 2–5 proposed times',
    response: [201, Meeting],
    problems: {
      404: 'The case in `caseId` is not within your reach',
      409: 'A staff participant already has a meeting or an open proposal at that time (`MEETING_CONFLICT`)',
    },
  })
  createMeeting(@Actor() actor: StaffActor, @ZBody(CreateMeeting) body: CreateMeeting): Promise<Meeting> {
    return this.schedule.create(actor, body);
  }

  @Endpoint('GET', {
    summary: "List roundtable meetings in a period (mine or a colleague's), or a case's meetings, a page at a time",
    response: [200, MeetingList],
    problems: {
      404: 'The colleague in `staffId` or the case in `caseId` is not within your reach, or your role reads no calendars',
    },
  })
  async listMeetings(
    @Actor() actor: StaffActor,
    @ZQuery(MeetingListQuery) query: MeetingListQuery,
  ): Promise<MeetingList> {
    return this.meetings.list(actor, query);
  }

  @Endpoint('GET :id', {
    summary: 'Read a roundtable meeting',
    response: [200, Meeting],
  })
  getMeeting(@Actor() actor: StaffActor, @UuidParam('id', 'Meeting') id: string): Promise<Meeting> {
    return this.meetings.get(actor, id);
  }

  @Endpoint('PATCH :id', {
    summary:
      'Reschedule, change or cancel a roundtable meeting (held: POST …/outcome); staff who may read its case only (`canManage`)',
    response: [200, Meeting],
    problems: {
      404: 'No such meeting within your reach, or you take part from outside its case (you may only answer: POST …/response)',
      409: 'A staff participant is not free at the new time (`MEETING_CONFLICT`), or the meeting is cancelled or held (`MEETING_CLOSED`)',
    },
  })
  updateMeeting(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Meeting') id: string,
    @ZBody(UpdateMeeting) body: UpdateMeeting,
  ): Promise<Meeting> {
    return this.schedule.update(actor, id, body);
  }

  @Endpoint('PUT :id/participants/:participantId/notes-sharing', {
    summary: "Share the meeting's notes with another guest (employer, companion, coordinator), or stop sharing them",
    response: [200, Meeting],
    problems: {
      400: 'The participant is not another guest (staff, the doctor and the citizen always see the notes)',
      404: 'The meeting or the participant is not within your reach',
    },
  })
  shareMeetingNotes(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Meeting') id: string,
    @UuidParam('participantId', 'Participant') participantId: string,
    @ZBody(NotesSharing) body: NotesSharing,
  ): Promise<Meeting> {
    return this.participants.shareNotes(actor, id, participantId, body.shared);
  }

  @Endpoint('POST :id/response', {
    summary: 'Answer your own invitation to a meeting (staff participants, also from another team)',
    response: [200, Meeting],
    problems: { 404: 'No such meeting, or you do not take part in it' },
  })
  respondToMeeting(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Meeting') id: string,
    @ZBody(RespondToMeeting) body: RespondToMeeting,
  ): Promise<Meeting> {
    return this.participants.respond(actor, id, body);
  }

  @Endpoint('POST :id/outcome', {
    summary: 'Mark a started meeting held with its summary and decisions; effort decisions make one plan version',
    response: [200, Meeting],
    problems: {
      400: 'A decision is invalid (its path names it, e.g. `decisions.1.effort.add.ownerId`); nothing was saved',
      403: "You are neither a staff participant nor the case's responsible, or effort decisions need the plan",
      409: 'The meeting has not started (`MEETING_NOT_STARTED`), or is cancelled or held (`MEETING_CLOSED`)',
    },
  })
  recordMeetingOutcome(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Meeting') id: string,
    @ZBody(RecordOutcome) body: RecordOutcome,
  ): Promise<Meeting> {
    return this.outcome.record(actor, id, body);
  }

  @CsvEndpoint('doctor-participation.csv', {
    summary: "Doctors' participation in held meetings (date, minutes, statement given) as CSV for fee settlement",
  })
  getDoctorParticipationCsv(
    @Actor() actor: StaffActor,
    @ZQuery(DoctorParticipationQuery) query: DoctorParticipationQuery,
  ): Promise<CsvFile> {
    return this.outcome.doctorParticipationCsv(actor, query);
  }
}
