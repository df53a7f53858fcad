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

  @Endpoint('POST', {
    summary: 'Register a citizen',
    response: [201, Citizen],
    problems: {
      403: 'Administrators do not register citizens',
      409: 'A citizen with this CPR number exists, in any team (the same answer; logged on that citizen)',
    },
  })
  createCitizen(@Actor() actor: StaffActor, @ZBody(CreateCitizen) body: CreateCitizen): Promise<Citizen> {
    return this.citizens.create(actor, body);
  }

  @Endpoint('GET', {
    summary: 'Search citizens by name or exact CPR number',
    response: [200, CitizenList],
  })
  searchCitizens(@Actor() actor: StaffActor, @ZQuery(CitizenSearch) query: CitizenSearch): Promise<CitizenList> {
    return this.citizens.search(actor, query);
  }

  @Endpoint('GET :id', {
    summary: 'Read a citizen',
    response: [200, Citizen],
  })
  getCitizen(@Actor() actor: StaffActor, @UuidParam('id', 'Citizen') id: string): Promise<Citizen> {
    return this.citizens.get(actor, id);
  }

  @Endpoint('POST :id/reveal-cpr', {
    summary: "Reveal a citizen's full CPR number, with a reason (audited)",
    response: [200, RevealedCpr],
  })
  async revealCpr(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Citizen') id: string,
    @ZBody(RevealCpr) body: RevealCpr,
  ): Promise<RevealedCpr> {
    return { cpr: await this.citizens.revealCpr(actor, id, body.reason) };
  }

  @Endpoint('GET :id/consents', {
    summary: "List a citizen's consents",
    response: [200, ConsentList],
  })
  async listConsents(@Actor() actor: StaffActor, @UuidParam('id', 'Citizen') id: string): Promise<ConsentList> {
    return { items: await this.citizens.consents(actor, id) };
  }

  @Endpoint('PUT :id/consents/:scope', {
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

  @Endpoint('GET :id/export', {
    summary: 'Everything held on a citizen, for their right of access (GDPR art. 15); one access-log row',
    response: [200, CitizenExport],
    problems: { 403: 'Only managers export a citizen’s data' },
  })
  exportCitizen(@Actor() actor: StaffActor, @UuidParam('id', 'Citizen') id: string): Promise<CitizenExport> {
    return this.exports.export(actor, id);
  }

  @Endpoint('GET :id/access-log', {
    summary: "Page through a citizen's access log",
    response: [200, AccessLog],
  })
  @Roles('manager', 'admin')
  listAccessLog(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Citizen') id: string,
    @ZQuery(AccessLogQuery) query: AccessLogQuery,
  ): Promise<AccessLog> {
    return this.citizens.accessLog(actor, id, query);
  }
}
