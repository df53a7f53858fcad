import { Res } from '@nestjs/common';
import { OutcomeQuery, Outcomes } from '@tvaers/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffController } from '../common/auth/decorators';
import { sendCsv } from '../common/csv/csv';
import { Endpoint } from '../common/http/endpoint';
import { ZQuery } from '../common/validation/zod';
import { OutcomesService } from './outcomes.service';

@StaffController('outcomes')
export class OutcomesController {
  constructor(private readonly outcomes: OutcomesService) {}

  @Endpoint({
    method: 'GET',
    operationId: 'getOutcomes',
    summary: "A team's outcome figures over a period: progress, closures by outcome, contact intervals kept",
    response: [200, Outcomes],
    problems: { 403: 'Only managers read outcome figures', 404: 'The team is not one of yours' },
  })
  figures(@Actor() actor: StaffActor, @ZQuery(OutcomeQuery) query: OutcomeQuery): Promise<Outcomes> {
    return this.outcomes.figures(actor, query);
  }

  @Endpoint({
    method: 'GET',
    operationId: 'getOutcomesProgressCsv',
    path: 'progress.csv',
    summary: "The outcome figures' progress table as CSV: citizens by trend, the citizen's and the caseworker's rating",
    response: [200, z.string()],
    produces: 'text/csv',
    problems: { 403: 'Only managers read outcome figures', 404: 'The team is not one of yours' },
  })
  async progressCsv(
    @Actor() actor: StaffActor,
    @ZQuery(OutcomeQuery) query: OutcomeQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return sendCsv(reply, await this.outcomes.progressCsv(actor, query));
  }

  @Endpoint({
    method: 'GET',
    operationId: 'getOutcomesClosuresCsv',
    path: 'closures.csv',
    summary: "The outcome figures' closures as CSV: cases closed per quarter and outcome, median days from start",
    response: [200, z.string()],
    produces: 'text/csv',
    problems: { 403: 'Only managers read outcome figures', 404: 'The team is not one of yours' },
  })
  async closuresCsv(
    @Actor() actor: StaffActor,
    @ZQuery(OutcomeQuery) query: OutcomeQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return sendCsv(reply, await this.outcomes.closuresCsv(actor, query));
  }

  @Endpoint({
    method: 'GET',
    operationId: 'getOutcomesContactCsv',
    path: 'contact.csv',
    summary: "The outcome figures' contact table as CSV: citizens whose agreed contact interval was kept or not",
    response: [200, z.string()],
    produces: 'text/csv',
    problems: { 403: 'Only managers read outcome figures', 404: 'The team is not one of yours' },
  })
  async contactCsv(
    @Actor() actor: StaffActor,
    @ZQuery(OutcomeQuery) query: OutcomeQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return sendCsv(reply, await this.outcomes.contactCsv(actor, query));
  }
}
