import { Injectable } from '@nestjs/common';
import type {
  Absence,
  Availability,
  AvailabilityFilter,
  Busy,
  BusyFilter,
  CreateAbsence,
  SetWorkingHours,
  WorkingHours,
} from '@tvaers/contracts';
import { DEFAULT_WORKING_HOURS, TIME_ZONE, type WeeklyHours, findCommonSlots } from '@tvaers/domain';
import { AccessService } from '../access/access.service';
import { Permission } from '../access/permission';
import { hasRole, type StaffActor } from '../common/auth/actor';
import { forbidden, notFound } from '../common/problem/problem';
import { MeetingsService } from '../meetings/meetings.service';
import { toAbsence } from './availability.mapper';
import { AvailabilityRepository } from './availability.repository';

/** Working hours, absences and the common free time of colleagues. Staff data only: nothing of a citizen. */
@Injectable()
export class AvailabilityService {
  constructor(
    private readonly repo: AvailabilityRepository,
    private readonly meetings: MeetingsService,
    private readonly access: AccessService,
  ) {}

  /** Colleagues (sharing a team) or oneself, checked together; anyone else does not exist for the caller. */
  private async requireColleagues(actor: StaffActor, staffIds: readonly string[]): Promise<void> {
    const others = staffIds.filter((id) => id !== actor.id);
    if (others.length > 0) await this.access.requireEach(actor, Permission.StaffCalendarRead, others);
  }

  /** One's own hours and absences, or, for a manager, those of a member of their teams. */
  private async requireManaging(actor: StaffActor, staffId: string): Promise<void> {
    await this.requireColleagues(actor, [staffId]);
    if (staffId !== actor.id && !hasRole(actor, 'manager')) {
      throw forbidden('Only the staff member or a manager of their team manages their working hours.');
    }
  }

  private async workingHours(staffId: string): Promise<WorkingHours> {
    const stored = (await this.repo.hoursOf([staffId])).get(staffId);
    const absences = await this.repo.absencesOf([staffId], new Date(), null);
    return {
      staffId,
      timeZone: TIME_ZONE,
      isDefault: stored === undefined,
      hours: stored ?? DEFAULT_WORKING_HOURS,
      absences: absences.map(toAbsence),
    };
  }

  async getHours(actor: StaffActor, staffId: string): Promise<WorkingHours> {
    await this.requireManaging(actor, staffId);
    return this.workingHours(staffId);
  }

  async setHours(actor: StaffActor, staffId: string, input: SetWorkingHours): Promise<WorkingHours> {
    await this.requireManaging(actor, staffId);
    const hours = [...input.hours].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
    await this.repo.setHours(staffId, hours, actor.id);
    return this.workingHours(staffId);
  }

  async addAbsence(actor: StaffActor, staffId: string, input: CreateAbsence): Promise<Absence> {
    await this.requireManaging(actor, staffId);
    return toAbsence(
      await this.repo.insertAbsence({
        staffId,
        startAt: new Date(input.start),
        endAt: new Date(input.end),
        reason: input.reason ?? null,
        createdById: actor.id,
      }),
    );
  }

  async removeAbsence(actor: StaffActor, staffId: string, absenceId: string): Promise<void> {
    await this.requireManaging(actor, staffId);
    if (!(await this.repo.deleteAbsence(staffId, absenceId))) throw notFound('Absence');
  }

  /** Common free time of the named colleagues within their working hours, minus meetings, open proposals and absences. */
  async find(actor: StaffActor, q: AvailabilityFilter): Promise<Availability> {
    await this.requireColleagues(actor, q.staffIds);
    const from = new Date(q.from);
    const to = new Date(q.to);
    const [hours, absences, busy] = await Promise.all([
      this.repo.hoursOf(q.staffIds),
      this.repo.absencesOf(q.staffIds, from, to),
      this.meetings.busy(q.staffIds, from, to),
    ]);
    const slots = findCommonSlots({
      from,
      to,
      durationMinutes: q.durationMinutes,
      calendars: q.staffIds.map((id) => ({
        hours: (hours.get(id) ?? DEFAULT_WORKING_HOURS) as WeeklyHours[],
        busy: [
          ...absences.filter((a) => a.staffId === id).map((a) => ({ start: a.startAt, end: a.endAt })),
          ...busy.filter((b) => b.staffId === id),
        ],
      })),
    });
    return { slots: slots.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString() })) };
  }

  /**
   * When the named colleagues are taken (meetings, open proposals, absences), for showing beside one's own
   * calendar: times only, nothing of the meeting or the reason, so no citizen's data and no audit row.
   */
  async busy(actor: StaffActor, q: BusyFilter): Promise<Busy> {
    await this.requireColleagues(actor, q.staffIds);
    const from = new Date(q.from);
    const to = new Date(q.to);
    const [absences, meetings] = await Promise.all([
      this.repo.absencesOf(q.staffIds, from, to),
      this.meetings.busy(q.staffIds, from, to),
    ]);
    const spans = [
      ...meetings.map((m) => ({ staffId: m.staffId, kind: 'meeting' as const, start: m.start, end: m.end })),
      ...absences.map((a) => ({ staffId: a.staffId, kind: 'absence' as const, start: a.startAt, end: a.endAt })),
    ].sort((a, b) => a.start.getTime() - b.start.getTime() || a.staffId.localeCompare(b.staffId));
    return {
      busy: spans.map((s) => ({ ...s, start: s.start.toISOString(), end: s.end.toISOString() })),
    };
  }
}
