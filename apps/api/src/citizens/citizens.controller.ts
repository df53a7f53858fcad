import { Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AccessLog,
  AccessLogQuery,
  Citizen,
  CitizenList,
  CitizenSearch,
  Consent,
  ConsentList,
  ConsentScope,
  CreateCitizen,
  RevealCpr,
  RevealedCpr,
  SetConsent,
} from '@tvaers/contracts';
import type { StaffActor } from '../common/auth/actor';
import { Actor, Roles, StaffOnly } from '../common/auth/decorators';
import { notFound } from '../common/problem/problem';
import { UuidParam } from '../common/validation/uuid-param';
import { ZBody, ZQuery, ZResponse } from '../common/validation/zod';
import { ApiProblem } from '../common/http/openapi';
import { CitizensService } from './citizens.service';

@ApiTags('citizens')
@StaffOnly()
@Controller('citizens')
export class CitizensController {
  constructor(private readonly citizens: CitizensService) {}

  @Post()
  @ApiOperation({ summary: 'Register a citizen' })
  @ApiProblem(403, 'Administrators do not register citizens')
  @ApiProblem(409, 'A citizen with this CPR number exists')
  @ZResponse(201, Citizen, 'Created')
  create(@Actor() actor: StaffActor, @ZBody(CreateCitizen) body: CreateCitizen): Promise<Citizen> {
    return this.citizens.create(actor, body);
  }

  @Get()
  @ApiOperation({ summary: 'Search citizens by name or exact CPR number' })
  @ZResponse(200, CitizenList)
  async search(@Actor() actor: StaffActor, @ZQuery(CitizenSearch) query: CitizenSearch): Promise<CitizenList> {
    return { items: await this.citizens.search(actor, query.q) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a citizen' })
  @ZResponse(200, Citizen)
  get(@Actor() actor: StaffActor, @UuidParam('id', 'Citizen') id: string): Promise<Citizen> {
    return this.citizens.get(actor, id);
  }

  @Post(':id/reveal-cpr')
  @ApiOperation({ summary: "Reveal a citizen's full CPR number, with a reason (audited)" })
  @HttpCode(200)
  @ZResponse(200, RevealedCpr)
  async reveal(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Citizen') id: string,
    @ZBody(RevealCpr) body: RevealCpr,
  ): Promise<RevealedCpr> {
    return { cpr: await this.citizens.revealCpr(actor, id, body.reason) };
  }

  @Get(':id/consents')
  @ApiOperation({ summary: "List a citizen's consents" })
  @ZResponse(200, ConsentList)
  async consents(@Actor() actor: StaffActor, @UuidParam('id', 'Citizen') id: string): Promise<ConsentList> {
    return { items: await this.citizens.consents(actor, id) };
  }

  @Put(':id/consents/:scope')
  @ApiOperation({ summary: 'Give or withdraw a consent' })
  @ZResponse(200, Consent)
  setConsent(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Citizen') id: string,
    @Param('scope') scope: string,
    @ZBody(SetConsent) body: SetConsent,
  ): Promise<Consent> {
    const parsed = ConsentScope.safeParse(scope);
    if (!parsed.success) throw notFound('Consent scope');
    return this.citizens.setConsent(actor, id, parsed.data, body);
  }

  @Get(':id/access-log')
  @ApiOperation({ summary: "Page through a citizen's access log" })
  @Roles('manager', 'admin')
  @ZResponse(200, AccessLog)
  accessLog(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Citizen') id: string,
    @ZQuery(AccessLogQuery) query: AccessLogQuery,
  ): Promise<AccessLog> {
    return this.citizens.accessLog(actor, id, query);
  }
}
