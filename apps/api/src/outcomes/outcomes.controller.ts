import { OutcomeQuery, Outcomes } from '@tvaers/contracts';
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffController } from '../common/auth/decorators';
import { Endpoint } from '../common/http/endpoint';
import { ZQuery } from '../common/validation/zod';
import { OutcomesService } from './outcomes.service';

@StaffController('outcomes')
export class OutcomesController {
  constructor(private readonly outcomes: OutcomesService) {}

  @Endpoint({
    method: 'GET',
    summary: "A team's outcome figures over a period: progress, closures by outcome, contact intervals kept",
    response: [200, Outcomes],
    problems: { 403: 'Only managers read outcome figures', 404: 'The team is not one of yours' },
  })
  figures(@Actor() actor: StaffActor, @ZQuery(OutcomeQuery) query: OutcomeQuery): Promise<Outcomes> {
    return this.outcomes.figures(actor, query);
  }
}
