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
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffController } from '../common/auth/decorators';
import type { CsvFile } from '../common/csv/csv';
import { CsvEndpoint, Endpoint } from '../common/http/endpoint';
import { UuidParam } from '../common/validation/uuid-param';
import { ZBody, ZQuery } from '../common/validation/zod';
import { CaseloadService } from './caseload.service';

const TEAM_CASELOAD = { 403: 'Only managers see a team’s caseload', 404: 'Not one of your teams' };

@StaffController('caseload')
export class CaseloadController {
  constructor(private readonly caseload: CaseloadService) {}

  @Endpoint('GET', {
    summary: "A team's loads against ceilings, its intake queue and the overrides of the last 90 days",
    response: [200, Caseload],
    problems: TEAM_CASELOAD,
  })
  getCaseload(@Actor() actor: StaffActor, @ZQuery(CaseloadQuery) query: CaseloadQuery): Promise<Caseload> {
    return this.caseload.get(actor, query.teamId);
  }

  @Endpoint('GET figures', {
    summary: "A team's dashboard figures: days over ceiling, continuity, capacity forecast",
    response: [200, CaseloadFigures],
    problems: TEAM_CASELOAD,
  })
  getCaseloadFigures(
    @Actor() actor: StaffActor,
    @ZQuery(CaseloadQuery) query: CaseloadQuery,
  ): Promise<CaseloadFigures> {
    return this.caseload.figures(actor, query.teamId);
  }

  @CsvEndpoint('load.csv', {
    summary: "A team's loads against ceilings as CSV, in the dashboard's columns",
    problems: TEAM_CASELOAD,
  })
  getLoadCsv(@Actor() actor: StaffActor, @ZQuery(CaseloadQuery) query: CaseloadQuery): Promise<CsvFile> {
    return this.caseload.loadCsv(actor, query.teamId);
  }

  @CsvEndpoint('overrides.csv', {
    summary: "A team's overrides of the last 90 days as CSV, in the dashboard's columns",
    problems: TEAM_CASELOAD,
  })
  getOverridesCsv(@Actor() actor: StaffActor, @ZQuery(CaseloadQuery) query: CaseloadQuery): Promise<CsvFile> {
    return this.caseload.overridesCsv(actor, query.teamId);
  }

  @CsvEndpoint('queue.csv', {
    summary: "A team's intake queue as CSV, in the queue page's columns (one access-log row per citizen)",
    problems: TEAM_CASELOAD,
  })
  getQueueCsv(@Actor() actor: StaffActor, @ZQuery(CaseloadQuery) query: CaseloadQuery): Promise<CsvFile> {
    return this.caseload.queueCsv(actor, query.teamId);
  }

  @CsvEndpoint('days-over-ceiling.csv', {
    summary: "Each person's days over their ceiling in the last 90 days as CSV, in the dashboard's columns",
    problems: TEAM_CASELOAD,
  })
  getDaysOverCeilingCsv(@Actor() actor: StaffActor, @ZQuery(CaseloadQuery) query: CaseloadQuery): Promise<CsvFile> {
    return this.caseload.daysOverCeilingCsv(actor, query.teamId);
  }

  @Endpoint('PUT ceilings/:staffId', {
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

  @Endpoint('PUT teams/:teamId', {
    summary: "Set a team's target group and default ceiling (null: the target group's default applies)",
    response: [200, TeamCaseloadSettings],
    problems: { 403: 'Only a manager sets a team’s caseload ceiling', 404: 'Not one of your teams' },
  })
  setTeamCeiling(
    @Actor() actor: StaffActor,
    @UuidParam('teamId', 'Team') teamId: string,
    @ZBody(SetTeamCaseload) body: SetTeamCaseload,
  ): Promise<TeamCaseloadSettings> {
    return this.caseload.setTeam(actor, teamId, body);
  }

  @Endpoint('GET benefit-weights', {
    summary: "Every benefit with a new case's default weight (1 where none is set)",
    response: [200, BenefitWeightList],
    problems: { 403: 'Only managers see the benefit weights' },
  })
  listBenefitWeights(@Actor() actor: StaffActor): Promise<BenefitWeightList> {
    return this.caseload.benefitWeights(actor);
  }

  @Endpoint('PUT benefit-weights', {
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
