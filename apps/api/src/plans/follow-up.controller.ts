import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
import { Actor, StaffOnly } from '../common/auth/decorators';
import { UuidParam } from '../common/validation/uuid-param';
import { ZBody, ZQuery, ZResponse } from '../common/validation/zod';
import { FollowUpService } from './follow-up.service';

@ApiTags('follow-up')
@StaffOnly()
@Controller()
export class FollowUpController {
  constructor(private readonly followUp: FollowUpService) {}

  @Get('cases/:id/requests')
  @ZResponse(200, CitizenRequestList)
  async requests(@Actor() actor: StaffActor, @UuidParam('id', 'Case') id: string): Promise<CitizenRequestList> {
    return { items: await this.followUp.listRequests(actor, id) };
  }

  @Post('cases/:id/requests')
  @ZResponse(201, CitizenRequest, 'Created')
  createRequest(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(CreateCitizenRequest) body: CreateCitizenRequest,
  ): Promise<CitizenRequest> {
    return this.followUp.createRequest(actor, id, body);
  }

  @Post('cases/:id/requests/:requestId/decision')
  @HttpCode(200)
  @ZResponse(200, CitizenRequest)
  decide(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @UuidParam('requestId', 'Request') requestId: string,
    @ZBody(DecideCitizenRequest) body: DecideCitizenRequest,
  ): Promise<CitizenRequest> {
    return this.followUp.decide(actor, id, requestId, body);
  }

  @Get('cases/:id/exemptions')
  @ZResponse(200, ExemptionList)
  async exemptions(@Actor() actor: StaffActor, @UuidParam('id', 'Case') id: string): Promise<ExemptionList> {
    return { items: await this.followUp.listExemptions(actor, id) };
  }

  @Post('cases/:id/exemptions')
  @ZResponse(201, Exemption, 'Created')
  createExemption(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(CreateExemption) body: CreateExemption,
  ): Promise<Exemption> {
    return this.followUp.createExemption(actor, id, body);
  }

  @Get('cases/:id/indicators')
  @ZResponse(200, Indicators)
  indicators(@Actor() actor: StaffActor, @UuidParam('id', 'Case') id: string): Promise<Indicators> {
    return this.followUp.indicators(actor, id);
  }

  @Post('cases/:id/indicators')
  @ZResponse(201, Indicators, 'Created')
  score(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(ScoreIndicators) body: ScoreIndicators,
  ): Promise<Indicators> {
    return this.followUp.scoreIndicators(actor, id, body);
  }

  @Get('worklist')
  @ZResponse(200, Worklist)
  async worklist(@Actor() actor: StaffActor, @ZQuery(WorklistQuery) q: WorklistQuery): Promise<Worklist> {
    return { items: await this.followUp.worklist(actor, q.scope, q.includeOk === 'true') };
  }
}
