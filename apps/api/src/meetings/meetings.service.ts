import { Injectable } from '@nestjs/common';
import type { Meeting, MeetingListQuery } from '@tvaers/contracts';
import { AuditService } from '../audit/audit.service';
import { hasRole, type StaffActor } from '../common/auth/actor';
import { notFound } from '../common/problem/problem';
import { PeopleRepository } from '../people/people.repository';
import { toMeeting } from './meetings.mapper';
import { MeetingsRepository } from './meetings.repository';

@Injectable()
export class MeetingsService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly people: PeopleRepository,
    private readonly audit: AuditService,
  ) {}

  /** A calendar: the caller's own, or a colleague's in one of the caller's teams. */
  async listForStaff(actor: StaffActor, query: MeetingListQuery): Promise<Meeting[]> {
    const staffId = query.staffId ?? actor.id;
    if (staffId !== actor.id) {
      const other = await this.people.findById(staffId);
      const shared = other?.teams.some((t) => actor.teamIds.includes(t.id));
      if (!other || !(shared || hasRole(actor, 'admin'))) throw notFound('Staff member');
    }
    const rows = await this.meetings.findForStaff(staffId, new Date(query.from), new Date(query.to));
    const citizens = [...new Set(rows.map((m) => m.citizenId))];
    await this.audit.record(
      actor,
      citizens.map((citizenId) => ({
        citizenId,
        action: 'meetings.list',
        entity: 'meeting',
        purpose: 'calendar',
      })),
    );
    return rows.map(toMeeting);
  }

  async get(actor: StaffActor, id: string): Promise<Meeting> {
    const m = await this.meetings.findById(id);
    const takesPart = m?.participants.some((p) => p.staffId === actor.id);
    if (!m || !(takesPart || hasRole(actor, 'manager', 'admin'))) throw notFound('Meeting');
    await this.audit.record(actor, [
      {
        citizenId: m.citizenId,
        action: 'meeting.read',
        entity: 'meeting',
        entityId: m.id,
      },
    ]);
    return toMeeting(m);
  }
}
