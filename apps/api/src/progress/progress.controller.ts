import { Indicators, ScoreIndicators } from '@tvaers/contracts';
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffController } from '../common/auth/decorators';
import { UuidParam } from '../common/validation/uuid-param';
import { ZBody } from '../common/validation/zod';
import { Endpoint } from '../common/http/endpoint';
import { ProgressService } from './progress.service';

@StaffController('progress', 'cases/:id/indicators')
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Endpoint('GET', {
    summary: "Read a case's progress indicators",
    response: [200, Indicators],
  })
  getIndicators(@Actor() actor: StaffActor, @UuidParam('id', 'Case') id: string): Promise<Indicators> {
    return this.progress.indicators(actor, id);
  }

  @Endpoint('POST', {
    summary: 'Score progress indicators',
    response: [201, Indicators],
    problems: { 403: "The health indicator needs health staff or the citizen's consent" },
  })
  scoreIndicators(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(ScoreIndicators) body: ScoreIndicators,
  ): Promise<Indicators> {
    return this.progress.scoreIndicators(actor, id, body);
  }
}
