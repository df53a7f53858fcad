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

@StaffController('availability')
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Endpoint({
    method: 'GET',
    operationId: 'findAvailability',
    summary: 'Common free time of colleagues (working hours in Europe/Copenhagen, minus meetings, proposals, absences)',
    response: [200, Availability],
    problems: { 404: 'A staff member in `staffIds` shares no team with you' },
  })
  find(@Actor() actor: StaffActor, @ZQuery(AvailabilityQuery) query: AvailabilityFilter): Promise<Availability> {
    return this.availability.find(actor, query);
  }

  @Endpoint({
    method: 'GET',
    operationId: 'listBusyTimes',
    path: 'busy',
    summary:
      'When colleagues are taken (meetings, open proposals, absences): times only, for their calendar beside yours',
    response: [200, Busy],
    problems: { 404: 'A staff member in `staffIds` shares no team with you' },
  })
  busy(@Actor() actor: StaffActor, @ZQuery(BusyQuery) query: BusyFilter): Promise<Busy> {
    return this.availability.busy(actor, query);
  }
}
