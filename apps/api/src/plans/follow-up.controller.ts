import {
  CitizenRequest,
  CitizenRequestList,
  CreateCitizenRequest,
  CreateExemption,
  DecideCitizenRequest,
  Exemption,
  ExemptionList,
  Indicators,
  ScoreIndicators,
  Worklist,
  WorklistQuery,
} from '@tvaers/contracts';
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffController } from '../common/auth/decorators';
import { UuidParam } from '../common/validation/uuid-param';
import { ZBody, ZQuery } from '../common/validation/zod';
import { Endpoint } from '../common/http/endpoint';
import { FollowUpService } from './follow-up.service';

@StaffController('follow-up', '')
export class FollowUpController {
  constructor(private readonly followUp: FollowUpService) {}

  @Endpoint({
    method: 'GET',
    path: 'cases/:id/requests',
    summary: "List a case's requests from the citizen",
    response: [200, CitizenRequestList],
  })
  async requests(@Actor() actor: StaffActor, @UuidParam('id', 'Case') id: string): Promise<CitizenRequestList> {
    return { items: await this.followUp.listRequests(actor, id) };
  }

  @Endpoint({
    method: 'POST',
    path: 'cases/:id/requests',
    summary: 'Record a request from the citizen',
    response: [201, CitizenRequest],
  })
  createRequest(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(CreateCitizenRequest) body: CreateCitizenRequest,
  ): Promise<CitizenRequest> {
    return this.followUp.createRequest(actor, id, body);
  }

  @Endpoint({
    method: 'POST',
    path: 'cases/:id/requests/:requestId/decision',
    summary: 'Decide a request from the citizen',
    response: [200, CitizenRequest],
    problems: { 409: 'The request already has a decision' },
  })
  decide(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @UuidParam('requestId', 'Request') requestId: string,
    @ZBody(DecideCitizenRequest) body: DecideCitizenRequest,
  ): Promise<CitizenRequest> {
    return this.followUp.decide(actor, id, requestId, body);
  }

  @Endpoint({
    method: 'GET',
    path: 'cases/:id/exemptions',
    summary: "List a case's exemptions",
    response: [200, ExemptionList],
  })
  async exemptions(@Actor() actor: StaffActor, @UuidParam('id', 'Case') id: string): Promise<ExemptionList> {
    return { items: await this.followUp.listExemptions(actor, id) };
  }

  @Endpoint({
    method: 'POST',
    path: 'cases/:id/exemptions',
    summary: 'Record an exemption',
    response: [201, Exemption],
  })
  createExemption(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(CreateExemption) body: CreateExemption,
  ): Promise<Exemption> {
    return this.followUp.createExemption(actor, id, body);
  }

  @Endpoint({
    method: 'GET',
    path: 'cases/:id/indicators',
    summary: "Read a case's progress indicators",
    response: [200, Indicators],
  })
  indicators(@Actor() actor: StaffActor, @UuidParam('id', 'Case') id: string): Promise<Indicators> {
    return this.followUp.indicators(actor, id);
  }

  @Endpoint({
    method: 'POST',
    path: 'cases/:id/indicators',
    summary: 'Score progress indicators',
    response: [201, Indicators],
    problems: { 403: "The health indicator needs health staff or the citizen's consent" },
  })
  score(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(ScoreIndicators) body: ScoreIndicators,
  ): Promise<Indicators> {
    return this.followUp.scoreIndicators(actor, id, body);
  }

  @Endpoint({
    method: 'GET',
    path: 'worklist',
    summary: "List the legal deadlines of my or my teams' cases",
    response: [200, Worklist],
  })
  worklist(@Actor() actor: StaffActor, @ZQuery(WorklistQuery) q: WorklistQuery): Promise<Worklist> {
    return this.followUp.worklist(actor, q);
  }
}
