import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { ApiProblem } from '../common/http/openapi';
import { FollowUpService } from './follow-up.service';

@ApiTags('follow-up')
@StaffOnly()
@Controller()
export class FollowUpController {
  constructor(private readonly followUp: FollowUpService) {}

  @Get('cases/:id/requests')
  @ApiOperation({ summary: "List a case's requests from the citizen" })
  @ZResponse(200, CitizenRequestList)
  async requests(@Actor() actor: StaffActor, @UuidParam('id', 'Case') id: string): Promise<CitizenRequestList> {
    return { items: await this.followUp.listRequests(actor, id) };
  }

  @Post('cases/:id/requests')
  @ApiOperation({ summary: 'Record a request from the citizen' })
  @ZResponse(201, CitizenRequest, 'Created')
  createRequest(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(CreateCitizenRequest) body: CreateCitizenRequest,
  ): Promise<CitizenRequest> {
    return this.followUp.createRequest(actor, id, body);
  }

  @Post('cases/:id/requests/:requestId/decision')
  @ApiOperation({ summary: 'Decide a request from the citizen' })
  @ApiProblem(409, 'The request already has a decision')
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
  @ApiOperation({ summary: "List a case's exemptions" })
  @ZResponse(200, ExemptionList)
  async exemptions(@Actor() actor: StaffActor, @UuidParam('id', 'Case') id: string): Promise<ExemptionList> {
    return { items: await this.followUp.listExemptions(actor, id) };
  }

  @Post('cases/:id/exemptions')
  @ApiOperation({ summary: 'Record an exemption' })
  @ZResponse(201, Exemption, 'Created')
  createExemption(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(CreateExemption) body: CreateExemption,
  ): Promise<Exemption> {
    return this.followUp.createExemption(actor, id, body);
  }

  @Get('cases/:id/indicators')
  @ApiOperation({ summary: "Read a case's progress indicators" })
  @ZResponse(200, Indicators)
  indicators(@Actor() actor: StaffActor, @UuidParam('id', 'Case') id: string): Promise<Indicators> {
    return this.followUp.indicators(actor, id);
  }

  @Post('cases/:id/indicators')
  @ApiOperation({ summary: 'Score progress indicators' })
  @ApiProblem(403, "The health indicator needs health staff or the citizen's consent")
  @ZResponse(201, Indicators, 'Created')
  score(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(ScoreIndicators) body: ScoreIndicators,
  ): Promise<Indicators> {
    return this.followUp.scoreIndicators(actor, id, body);
  }

  @Get('worklist')
  @ApiOperation({ summary: "List the legal deadlines of my or my teams' cases" })
  @ZResponse(200, Worklist)
  async worklist(@Actor() actor: StaffActor, @ZQuery(WorklistQuery) q: WorklistQuery): Promise<Worklist> {
    return { items: await this.followUp.worklist(actor, q.scope, q.includeOk === 'true') };
  }
}
