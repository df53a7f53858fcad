import {
  CitizenRequest,
  CitizenRequestList,
  CreateCitizenRequest,
  CreateExemption,
  DecideCitizenRequest,
  Exemption,
  ExemptionList,
} from '@tvaers/contracts';
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffController } from '../common/auth/decorators';
import { UuidParam } from '../common/validation/uuid-param';
import { ZBody } from '../common/validation/zod';
import { Endpoint } from '../common/http/endpoint';
import { RequestsService } from './requests.service';

@StaffController('requests', 'cases/:id')
export class RequestsController {
  constructor(private readonly requests: RequestsService) {}

  @Endpoint('GET requests', {
    summary: "List a case's requests from the citizen",
    response: [200, CitizenRequestList],
  })
  async listRequests(@Actor() actor: StaffActor, @UuidParam('id', 'Case') id: string): Promise<CitizenRequestList> {
    return { items: await this.requests.listRequests(actor, id) };
  }

  @Endpoint('POST requests', {
    summary: 'Record a request from the citizen',
    response: [201, CitizenRequest],
  })
  createRequest(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(CreateCitizenRequest) body: CreateCitizenRequest,
  ): Promise<CitizenRequest> {
    return this.requests.createRequest(actor, id, body);
  }

  @Endpoint('POST requests/:requestId/decision', {
    summary: 'Decide a request from the citizen',
    response: [200, CitizenRequest],
    problems: { 409: 'The request already has a decision' },
  })
  decideRequest(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @UuidParam('requestId', 'Request') requestId: string,
    @ZBody(DecideCitizenRequest) body: DecideCitizenRequest,
  ): Promise<CitizenRequest> {
    return this.requests.decide(actor, id, requestId, body);
  }

  @Endpoint('GET exemptions', {
    summary: "List a case's exemptions",
    response: [200, ExemptionList],
  })
  async listExemptions(@Actor() actor: StaffActor, @UuidParam('id', 'Case') id: string): Promise<ExemptionList> {
    return { items: await this.requests.listExemptions(actor, id) };
  }

  @Endpoint('POST exemptions', {
    summary: 'Record an exemption',
    response: [201, Exemption],
  })
  createExemption(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(CreateExemption) body: CreateExemption,
  ): Promise<Exemption> {
    return this.requests.createExemption(actor, id, body);
  }
}
