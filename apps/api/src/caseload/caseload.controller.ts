import { Res } from '@nestjs/common';
import {
  BenefitWeightList,
  Caseload,
  CaseloadFigures,
  CaseloadQuery,
  CaseloadRow,
  SetBenefitWeights,
  SetCeiling,
  SetTeamCaseload,
  TeamCaseloadSettings,
} from '@tvaers/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffController } from '../common/auth/decorators';
import { sendCsv } from '../common/csv/csv';
import { Endpoint } from '../common/http/endpoint';
import { UuidParam } from '../common/validation/uuid-param';
import { ZBody, ZQuery } from '../common/validation/zod';
import { CaseloadService } from './caseload.service';

@StaffController('caseload')
export class CaseloadController {
  constructor(private readonly caseload: CaseloadService) {}

  @Endpoint({
    method: 'GET',
    operationId: 'getCaseload',
    summary: "A team's loads against ceilings, its intake queue and the overrides of the last 90 days",
    response: [200, Caseload],
    problems: { 403: 'Only managers see a team’s caseload', 404: 'Not one of your teams' },
  })
  get(@Actor() actor: StaffActor, @ZQuery(CaseloadQuery) query: CaseloadQuery): Promise<Caseload> {
    return this.caseload.get(actor, query.teamId);
  }

  @Endpoint({
    method: 'GET',
    operationId: 'getCaseloadFigures',
    path: 'figures',
    summary: "A team's dashboard figures: days over ceiling, continuity, capacity forecast",
    response: [200, CaseloadFigures],
    problems: { 403: 'Only managers see a team’s caseload', 404: 'Not one of your teams' },
  })
  figures(@Actor() actor: StaffActor, @ZQuery(CaseloadQuery) query: CaseloadQuery): Promise<CaseloadFigures> {
    return this.caseload.figures(actor, query.teamId);
  }

  @Endpoint({
    method: 'GET',
    operationId: 'getLoadCsv',
    path: 'load.csv',
    summary: "A team's loads against ceilings as CSV, in the dashboard's columns",
    response: [200, z.string()],
    produces: 'text/csv',
    problems: { 403: 'Only managers see a team’s caseload', 404: 'Not one of your teams' },
  })
  async loadCsv(
    @Actor() actor: StaffActor,
    @ZQuery(CaseloadQuery) query: CaseloadQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return sendCsv(reply, await this.caseload.loadCsv(actor, query.teamId));
  }

  @Endpoint({
    method: 'GET',
    operationId: 'getOverridesCsv',
    path: 'overrides.csv',
    summary: "A team's overrides of the last 90 days as CSV, in the dashboard's columns",
    response: [200, z.string()],
    produces: 'text/csv',
    problems: { 403: 'Only managers see a team’s caseload', 404: 'Not one of your teams' },
  })
  async overridesCsv(
    @Actor() actor: StaffActor,
    @ZQuery(CaseloadQuery) query: CaseloadQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return sendCsv(reply, await this.caseload.overridesCsv(actor, query.teamId));
  }

  @Endpoint({
    method: 'GET',
    operationId: 'getQueueCsv',
    path: 'queue.csv',
    summary: "A team's intake queue as CSV, in the queue page's columns (one access-log row per citizen)",
    response: [200, z.string()],
    produces: 'text/csv',
    problems: { 403: 'Only managers see a team’s caseload', 404: 'Not one of your teams' },
  })
  async queueCsv(
    @Actor() actor: StaffActor,
    @ZQuery(CaseloadQuery) query: CaseloadQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return sendCsv(reply, await this.caseload.queueCsv(actor, query.teamId));
  }

  @Endpoint({
    method: 'GET',
    operationId: 'getDaysOverCeilingCsv',
    path: 'days-over-ceiling.csv',
    summary: "Each person's days over their ceiling in the last 90 days as CSV, in the dashboard's columns",
    response: [200, z.string()],
    produces: 'text/csv',
    problems: { 403: 'Only managers see a team’s caseload', 404: 'Not one of your teams' },
  })
  async daysOverCeilingCsv(
    @Actor() actor: StaffActor,
    @ZQuery(CaseloadQuery) query: CaseloadQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return sendCsv(reply, await this.caseload.daysOverCeilingCsv(actor, query.teamId));
  }

  @Endpoint({
    method: 'PUT',
    operationId: 'setCeiling',
    path: 'ceilings/:staffId',
    summary: "Set (or clear with null) a colleague's own caseload ceiling",
    response: [200, CaseloadRow],
    problems: { 403: 'Only a manager sets caseload ceilings', 404: 'Not a colleague in your teams' },
  })
  setCeiling(
    @Actor() actor: StaffActor,
    @UuidParam('staffId', 'Staff member') staffId: string,
    @ZBody(SetCeiling) body: SetCeiling,
  ): Promise<CaseloadRow> {
    return this.caseload.setCeiling(actor, staffId, body.ceiling);
  }

  @Endpoint({
    method: 'PUT',
    operationId: 'setTeamCeiling',
    path: 'teams/:teamId',
    summary: "Set a team's target group and default ceiling (null: the target group's default applies)",
    response: [200, TeamCaseloadSettings],
    problems: { 403: 'Only a manager sets a team’s caseload ceiling', 404: 'Not one of your teams' },
  })
  setTeam(
    @Actor() actor: StaffActor,
    @UuidParam('teamId', 'Team') teamId: string,
    @ZBody(SetTeamCaseload) body: SetTeamCaseload,
  ): Promise<TeamCaseloadSettings> {
    return this.caseload.setTeam(actor, teamId, body);
  }

  @Endpoint({
    method: 'GET',
    operationId: 'listBenefitWeights',
    path: 'benefit-weights',
    summary: "Every benefit with a new case's default weight (1 where none is set)",
    response: [200, BenefitWeightList],
    problems: { 403: 'Only managers see the benefit weights' },
  })
  benefitWeights(@Actor() actor: StaffActor): Promise<BenefitWeightList> {
    return this.caseload.benefitWeights(actor);
  }

  @Endpoint({
    method: 'PUT',
    operationId: 'setBenefitWeights',
    path: 'benefit-weights',
    summary:
      "Set the default weight of new cases for the listed benefits (others keep theirs; existing cases keep theirs); answers every benefit's",
    response: [200, BenefitWeightList],
    problems: { 403: 'Only managers set the benefit weights' },
  })
  setBenefitWeights(
    @Actor() actor: StaffActor,
    @ZBody(SetBenefitWeights) body: SetBenefitWeights,
  ): Promise<BenefitWeightList> {
    return this.caseload.setBenefitWeights(actor, body);
  }
}
