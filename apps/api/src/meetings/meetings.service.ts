import { Injectable } from '@nestjs/common';
import type { Meeting, MeetingListQuery } from '@tvaers/contracts';
import { AccessService } from '../access/access.service';
import { Permission } from '../access/permission';
import type { StaffActor } from '../common/auth/actor';
import { notFound } from '../common/problem/problem';
import { toMeeting } from './meetings.mapper';
import { MeetingsRepository } from './meetings.repository';

@Injectable()
export class MeetingsService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly access: AccessService,
  ) {}

  /** A calendar: the caller's own, or a colleague's in one of the caller's teams; only meetings the caller may see. */
  async listForStaff(actor: StaffActor, query: MeetingListQuery): Promise<Meeting[]> {
    const staffId = query.staffId ?? actor.id;
    if (staffId !== actor.id) await this.access.require(actor, Permission.StaffCalendarRead, staffId);
    const rows = await this.access.list(
      actor,
      Permission.MeetingList,
      (scope) => this.meetings.findForStaff(scope, staffId, new Date(query.from), new Date(query.to)),
      (m) => ({ citizenId: m.citizenId, entityId: m.id }),
    );
    return rows.map(toMeeting);
  }

  async get(actor: StaffActor, id: string): Promise<Meeting> {
    await this.access.require(actor, Permission.MeetingRead, id);
    const m = await this.meetings.findById(id);
    if (!m) throw notFound('Meeting');
    return toMeeting(m);
  }
}
