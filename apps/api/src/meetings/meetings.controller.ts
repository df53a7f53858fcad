import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Meeting, MeetingList, MeetingListQuery } from '@tvaers/contracts';
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffOnly } from '../common/auth/decorators';
import { UuidParam } from '../common/validation/uuid-param';
import { ZQuery, ZResponse } from '../common/validation/zod';
import { ApiProblem } from '../common/http/openapi';
import { MeetingsService } from './meetings.service';

@ApiTags('meetings')
@StaffOnly()
@Controller('meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get()
  @ApiOperation({ summary: "List roundtable meetings in a period, optionally one colleague's" })
  @ApiProblem(404, 'The colleague in `staffId` is not within your reach, or your role reads no calendars')
  @ZResponse(200, MeetingList)
  async list(@Actor() actor: StaffActor, @ZQuery(MeetingListQuery) query: MeetingListQuery): Promise<MeetingList> {
    return { items: await this.meetings.listForStaff(actor, query) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a roundtable meeting' })
  @ZResponse(200, Meeting)
  get(@Actor() actor: StaffActor, @UuidParam('id', 'Meeting') id: string): Promise<Meeting> {
    return this.meetings.get(actor, id);
  }
}
