import {
  Availability,
  AvailabilityQuery,
  Busy,
  BusyQuery,
  type AvailabilityFilter,
  type BusyFilter,
} from '@tvaers/contracts';
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffController } from '../common/auth/decorators';
import { Endpoint } from '../common/http/endpoint';
import { ZQuery } from '../common/validation/zod';
import { AvailabilityService } from './availability.service';

const COLLEAGUES = { 404: 'A staff member in `staffIds` shares no team with you' };

@StaffController('availability')
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Endpoint('GET', {
    summary: 'Common free time of colleagues (working hours in Europe/Copenhagen, minus meetings, proposals, absences)',
    response: [200, Availability],
    problems: COLLEAGUES,
  })
  findAvailability(
    @Actor() actor: StaffActor,
    @ZQuery(AvailabilityQuery) query: AvailabilityFilter,
  ): Promise<Availability> {
    return this.availability.find(actor, query);
  }

  @Endpoint('GET busy', {
    summary:
      'When colleagues are taken (meetings, open proposals, absences): times only, for their calendar beside yours',
    response: [200, Busy],
    problems: COLLEAGUES,
  })
  listBusyTimes(@Actor() actor: StaffActor, @ZQuery(BusyQuery) query: BusyFilter): Promise<Busy> {
    return this.availability.busy(actor, query);
  }
}
