import { Worklist, WorklistQuery } from '@tvaers/contracts';
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffController } from '../common/auth/decorators';
import { ZQuery } from '../common/validation/zod';
import { Endpoint } from '../common/http/endpoint';
import { WorklistService } from './worklist.service';

@StaffController('worklist')
export class WorklistController {
  constructor(private readonly worklist: WorklistService) {}

  @Endpoint('GET', {
    summary: "List the legal deadlines of my or my teams' cases",
    response: [200, Worklist],
  })
  listWorklist(@Actor() actor: StaffActor, @ZQuery(WorklistQuery) q: WorklistQuery): Promise<Worklist> {
    return this.worklist.list(actor, q);
  }
}
