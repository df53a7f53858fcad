import { CreateMeeting, Meeting, MeetingList, MeetingListQuery, UpdateMeeting } from '@tvaers/contracts';
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffController } from '../common/auth/decorators';
import { UuidParam } from '../common/validation/uuid-param';
import { ZBody, ZQuery } from '../common/validation/zod';
import { Endpoint } from '../common/http/endpoint';
import { MeetingsService } from './meetings.service';

@StaffController('meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Endpoint({
    method: 'POST',
    summary: 'Plan a roundtable meeting: at a fixed time, or with 2–5 proposed times',
    response: [201, Meeting],
    problems: {
      404: 'The case in `caseId` is not within your reach',
      409: 'A staff participant already has a meeting or an open proposal at that time (`MEETING_CONFLICT`)',
    },
  })
  create(@Actor() actor: StaffActor, @ZBody(CreateMeeting) body: CreateMeeting): Promise<Meeting> {
    return this.meetings.create(actor, body);
  }

  @Endpoint({
    method: 'GET',
    summary: "List roundtable meetings in a period (mine or a colleague's), or a case's meetings",
    response: [200, MeetingList],
    problems: {
      404: 'The colleague in `staffId` or the case in `caseId` is not within your reach, or your role reads no calendars',
    },
  })
  async list(@Actor() actor: StaffActor, @ZQuery(MeetingListQuery) query: MeetingListQuery): Promise<MeetingList> {
    return { items: await this.meetings.list(actor, query) };
  }

  @Endpoint({ method: 'GET', path: ':id', summary: 'Read a roundtable meeting', response: [200, Meeting] })
  get(@Actor() actor: StaffActor, @UuidParam('id', 'Meeting') id: string): Promise<Meeting> {
    return this.meetings.get(actor, id);
  }

  @Endpoint({
    method: 'PATCH',
    path: ':id',
    summary: 'Reschedule, change, cancel or mark held a roundtable meeting',
    response: [200, Meeting],
    problems: {
      409: 'A staff participant is not free at the new time (`MEETING_CONFLICT`), or the meeting is cancelled or held (`MEETING_CLOSED`)',
    },
  })
  update(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Meeting') id: string,
    @ZBody(UpdateMeeting) body: UpdateMeeting,
  ): Promise<Meeting> {
    return this.meetings.update(actor, id, body);
  }
}
