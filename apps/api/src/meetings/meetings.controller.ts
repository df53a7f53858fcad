import { Meeting, MeetingList, MeetingListQuery } from '@tvaers/contracts';
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffController } from '../common/auth/decorators';
import { UuidParam } from '../common/validation/uuid-param';
import { ZQuery } from '../common/validation/zod';
import { Endpoint } from '../common/http/endpoint';
import { MeetingsService } from './meetings.service';

@StaffController('meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Endpoint({
    method: 'GET',
    summary: "List roundtable meetings in a period, optionally one colleague's",
    response: [200, MeetingList],
    problems: { 404: 'The colleague in `staffId` is not within your reach, or your role reads no calendars' },
  })
  async list(@Actor() actor: StaffActor, @ZQuery(MeetingListQuery) query: MeetingListQuery): Promise<MeetingList> {
    return { items: await this.meetings.listForStaff(actor, query) };
  }

  @Endpoint({ method: 'GET', path: ':id', summary: 'Read a roundtable meeting', response: [200, Meeting] })
  get(@Actor() actor: StaffActor, @UuidParam('id', 'Meeting') id: string): Promise<Meeting> {
    return this.meetings.get(actor, id);
  }
}
