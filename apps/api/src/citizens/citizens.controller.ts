import { Param } from '@nestjs/common';
import {
  CitizenExport,
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
import { Actor, Roles, StaffController } from '../common/auth/decorators';
import { notFound } from '../common/problem/problem';
import { UuidParam } from '../common/validation/uuid-param';
import { ZBody, ZQuery } from '../common/validation/zod';
import { Endpoint } from '../common/http/endpoint';
import { CitizenExportService } from './citizen-export.service';
import { CitizensService } from './citizens.service';

@StaffController('citizens')
export class CitizensController {
  constructor(
    private readonly citizens: CitizensService,
    private readonly exports: CitizenExportService,
  ) {}

  @Endpoint({
    method: 'POST',
    operationId: 'createCitizen',
    summary: 'Register a citizen',
    response: [201, Citizen],
    problems: {
      403: 'Administrators do not register citizens',
      409: 'A citizen with this CPR number exists, in any team (the same answer; logged on that citizen)',
    },
  })
  create(@Actor() actor: StaffActor, @ZBody(CreateCitizen) body: CreateCitizen): Promise<Citizen> {
    return this.citizens.create(actor, body);
  }

  @Endpoint({
    method: 'GET',
    operationId: 'searchCitizens',
    summary: 'Search citizens by name or exact CPR number',
    response: [200, CitizenList],
  })
  search(@Actor() actor: StaffActor, @ZQuery(CitizenSearch) query: CitizenSearch): Promise<CitizenList> {
    return this.citizens.search(actor, query);
  }

  @Endpoint({
    method: 'GET',
    operationId: 'getCitizen',
    path: ':id',
    summary: 'Read a citizen',
    response: [200, Citizen],
  })
  get(@Actor() actor: StaffActor, @UuidParam('id', 'Citizen') id: string): Promise<Citizen> {
    return this.citizens.get(actor, id);
  }

  @Endpoint({
    method: 'POST',
    operationId: 'revealCpr',
    path: ':id/reveal-cpr',
    summary: "Reveal a citizen's full CPR number, with a reason (audited)",
    response: [200, RevealedCpr],
  })
  async reveal(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Citizen') id: string,
    @ZBody(RevealCpr) body: RevealCpr,
  ): Promise<RevealedCpr> {
    return { cpr: await this.citizens.revealCpr(actor, id, body.reason) };
  }

  @Endpoint({
    method: 'GET',
    operationId: 'listConsents',
    path: ':id/consents',
    summary: "List a citizen's consents",
    response: [200, ConsentList],
  })
  async consents(@Actor() actor: StaffActor, @UuidParam('id', 'Citizen') id: string): Promise<ConsentList> {
    return { items: await this.citizens.consents(actor, id) };
  }

  @Endpoint({
    method: 'PUT',
    operationId: 'setConsent',
    path: ':id/consents/:scope',
    summary: 'Give or withdraw a consent',
    response: [200, Consent],
  })
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

  @Endpoint({
    method: 'GET',
    operationId: 'exportCitizen',
    path: ':id/export',
    summary: 'Everything held on a citizen, for their right of access (GDPR art. 15); one access-log row',
    response: [200, CitizenExport],
    problems: { 403: 'Only managers export a citizen’s data' },
  })
  export(@Actor() actor: StaffActor, @UuidParam('id', 'Citizen') id: string): Promise<CitizenExport> {
    return this.exports.export(actor, id);
  }

  @Endpoint({
    method: 'GET',
    operationId: 'listAccessLog',
    path: ':id/access-log',
    summary: "Page through a citizen's access log",
    response: [200, AccessLog],
  })
  @Roles('manager', 'admin')
  accessLog(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Citizen') id: string,
    @ZQuery(AccessLogQuery) query: AccessLogQuery,
  ): Promise<AccessLog> {
    return this.citizens.accessLog(actor, id, query);
  }
}
