import { OutcomeQuery, Outcomes } from '@tvaers/contracts';
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffController } from '../common/auth/decorators';
import type { CsvFile } from '../common/csv/csv';
import { CsvEndpoint, Endpoint } from '../common/http/endpoint';
import { ZQuery } from '../common/validation/zod';
import { OutcomesService } from './outcomes.service';

const TEAM_OUTCOMES = { 403: 'Only managers read outcome figures', 404: 'The team is not one of yours' };

@StaffController('outcomes')
export class OutcomesController {
  constructor(private readonly outcomes: OutcomesService) {}

  @Endpoint('GET', {
    summary: "A team's outcome figures over a period: progress, closures by outcome, contact intervals kept",
    response: [200, Outcomes],
    problems: TEAM_OUTCOMES,
  })
  getOutcomes(@Actor() actor: StaffActor, @ZQuery(OutcomeQuery) query: OutcomeQuery): Promise<Outcomes> {
    return this.outcomes.figures(actor, query);
  }

  @CsvEndpoint('progress.csv', {
    summary: "The outcome figures' progress table as CSV: citizens by trend, the citizen's and the caseworker's rating",
    problems: TEAM_OUTCOMES,
  })
  getOutcomesProgressCsv(@Actor() actor: StaffActor, @ZQuery(OutcomeQuery) query: OutcomeQuery): Promise<CsvFile> {
    return this.outcomes.progressCsv(actor, query);
  }

  @CsvEndpoint('closures.csv', {
    summary: "The outcome figures' closures as CSV: cases closed per quarter and outcome, median days from start",
    problems: TEAM_OUTCOMES,
  })
  getOutcomesClosuresCsv(@Actor() actor: StaffActor, @ZQuery(OutcomeQuery) query: OutcomeQuery): Promise<CsvFile> {
    return this.outcomes.closuresCsv(actor, query);
  }

  @CsvEndpoint('contact.csv', {
    summary: "The outcome figures' contact table as CSV: citizens whose agreed contact interval was kept or not",
    problems: TEAM_OUTCOMES,
  })
  getOutcomesContactCsv(@Actor() actor: StaffActor, @ZQuery(OutcomeQuery) query: OutcomeQuery): Promise<CsvFile> {
    return this.outcomes.contactCsv(actor, query);
  }
}
