import { Headers, Res } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { CreateEffort, Effort, Plan, PlanHistory, RecordReview, UpdateEffort, UpdatePlan } from '@tvaers/contracts';
import type { FastifyReply } from 'fastify';
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffController } from '../common/auth/decorators';
import { UuidParam } from '../common/validation/uuid-param';
import { ZBody } from '../common/validation/zod';
import { Endpoint } from '../common/http/endpoint';
import { ifMatchInvalid, ifMatchRequired } from './plans.errors';
import { PlansService } from './plans.service';

/** `If-Match: "3"` (weak or bare accepted) → 3. */
function expectedVersion(ifMatch: string | undefined): number {
  if (!ifMatch) throw ifMatchRequired();
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  if (!m) throw ifMatchInvalid();
  return Number(m[1]);
}

@StaffController('plans', 'cases/:id/plan')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Endpoint('GET', { summary: "Read a case's shared plan", response: [200, Plan] })
  async getPlan(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Plan> {
    const plan = await this.plans.get(actor, id);
    void reply.header('etag', `"${plan.version}"`);
    return plan;
  }

  @Endpoint('PUT', {
    summary: "Change a case's shared plan",
    response: [200, Plan],
    problems: {
      412: 'The plan has changed since the version in If-Match, or If-Match names no version',
      428: 'If-Match is missing',
    },
  })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The plan version being edited, e.g. "3"' })
  async updatePlan(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @ZBody(UpdatePlan) body: UpdatePlan,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Plan> {
    const plan = await this.plans.update(actor, id, expectedVersion(ifMatch), body);
    void reply.header('etag', `"${plan.version}"`);
    return plan;
  }

  @Endpoint('POST review', {
    summary: 'Record a follow-up review of the plan',
    response: [200, Plan],
  })
  recordPlanReview(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(RecordReview) body: RecordReview,
  ): Promise<Plan> {
    return this.plans.recordReview(actor, id, body.workCapacityAssessed);
  }

  @Endpoint('POST efforts', {
    summary: 'Add an effort to the plan',
    response: [201, Effort],
    problems: { 403: "A health effort needs health staff or the citizen's consent" },
  })
  addEffort(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(CreateEffort) body: CreateEffort,
  ): Promise<Effort> {
    return this.plans.addEffort(actor, id, body);
  }

  @Endpoint('PATCH efforts/:effortId', {
    summary: 'Change an effort of the plan',
    response: [200, Effort],
  })
  updateEffort(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @UuidParam('effortId', 'Effort') effortId: string,
    @ZBody(UpdateEffort) body: UpdateEffort,
  ): Promise<Effort> {
    return this.plans.updateEffort(actor, id, effortId, body);
  }

  @Endpoint('GET history', {
    summary: "Read the plan's versions with field-level changes",
    response: [200, PlanHistory],
  })
  async getPlanHistory(@Actor() actor: StaffActor, @UuidParam('id', 'Case') id: string): Promise<PlanHistory> {
    return { items: await this.plans.history(actor, id) };
  }
}
