import { Absence, CreateAbsence, SetWorkingHours, WorkingHours } from '@tvaers/contracts';
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffController } from '../common/auth/decorators';
import { Endpoint } from '../common/http/endpoint';
import { UuidParam } from '../common/validation/uuid-param';
import { ZBody } from '../common/validation/zod';
import { AvailabilityService } from './availability.service';

const MANAGING = {
  403: 'Only the staff member or a manager of their team manages their working hours',
  404: 'The staff member shares no team with you',
};

@StaffController('availability', 'staff')
export class WorkingHoursController {
  constructor(private readonly availability: AvailabilityService) {}

  @Endpoint('GET :id/working-hours', {
    summary: "A staff member's weekly working hours (Monday–Friday 08:00–16:00 unless set) and coming absences",
    response: [200, WorkingHours],
    problems: MANAGING,
  })
  getWorkingHours(@Actor() actor: StaffActor, @UuidParam('id', 'Staff member') id: string): Promise<WorkingHours> {
    return this.availability.getHours(actor, id);
  }

  @Endpoint('PUT :id/working-hours', {
    summary: "Set a staff member's weekly working hours (local time, Europe/Copenhagen)",
    response: [200, WorkingHours],
    problems: MANAGING,
  })
  setWorkingHours(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Staff member') id: string,
    @ZBody(SetWorkingHours) body: SetWorkingHours,
  ): Promise<WorkingHours> {
    return this.availability.setHours(actor, id, body);
  }

  @Endpoint('POST :id/absences', {
    summary: 'Record an absence of a staff member',
    response: [201, Absence],
    problems: MANAGING,
  })
  addAbsence(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Staff member') id: string,
    @ZBody(CreateAbsence) body: CreateAbsence,
  ): Promise<Absence> {
    return this.availability.addAbsence(actor, id, body);
  }

  @Endpoint('DELETE :id/absences/:absenceId', {
    summary: 'Remove an absence of a staff member',
    response: [204],
    problems: MANAGING,
  })
  removeAbsence(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Staff member') id: string,
    @UuidParam('absenceId', 'Absence') absenceId: string,
  ): Promise<void> {
    return this.availability.removeAbsence(actor, id, absenceId);
  }
}
