import { Availability, AvailabilityQuery, type AvailabilityFilter } from '@tvaers/contracts';
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffController } from '../common/auth/decorators';
import { Endpoint } from '../common/http/endpoint';
import { ZQuery } from '../common/validation/zod';
import { AvailabilityService } from './availability.service';

@StaffController('availability')
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Endpoint({
    method: 'GET',
    summary: 'Common free time of colleagues (working hours in Europe/Copenhagen, minus meetings, proposals, absences)',
    response: [200, Availability],
    problems: { 404: 'A staff member in `staffIds` shares no team with you' },
  })
  find(@Actor() actor: StaffActor, @ZQuery(AvailabilityQuery) query: AvailabilityFilter): Promise<Availability> {
    return this.availability.find(actor, query);
  }
}
