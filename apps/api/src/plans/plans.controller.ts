import { Controller, Get, Headers, HttpCode, Patch, Post, Put, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { CreateEffort, Effort, Plan, PlanHistory, RecordReview, UpdateEffort, UpdatePlan } from '@tvaers/contracts';
import type { FastifyReply } from 'fastify';
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffOnly } from '../common/auth/decorators';
import { UuidParam } from '../common/validation/uuid-param';
import { ZBody, ZResponse } from '../common/validation/zod';
import { ifMatchInvalid, ifMatchRequired } from './plans.errors';
import { PlansService } from './plans.service';

/** `If-Match: "3"` (weak or bare accepted) → 3. */
function expectedVersion(ifMatch: string | undefined): number {
  if (!ifMatch) throw ifMatchRequired();
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  if (!m) throw ifMatchInvalid();
  return Number(m[1]);
}

@ApiTags('plans')
@StaffOnly()
@Controller('cases/:id/plan')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get()
  @ZResponse(200, Plan)
  async get(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Plan> {
    const plan = await this.plans.get(actor, id);
    void reply.header('etag', `"${plan.version}"`);
    return plan;
  }

  @Put()
  @ApiHeader({ name: 'If-Match', required: true, description: 'The plan version being edited, e.g. "3"' })
  @ZResponse(200, Plan)
  async update(
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

  @Post('review')
  @HttpCode(200)
  @ZResponse(200, Plan)
  review(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(RecordReview) body: RecordReview,
  ): Promise<Plan> {
    return this.plans.recordReview(actor, id, body.workCapacityAssessed);
  }

  @Post('efforts')
  @ZResponse(201, Effort, 'Created')
  addEffort(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(CreateEffort) body: CreateEffort,
  ): Promise<Effort> {
    return this.plans.addEffort(actor, id, body);
  }

  @Patch('efforts/:effortId')
  @ZResponse(200, Effort)
  updateEffort(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @UuidParam('effortId', 'Effort') effortId: string,
    @ZBody(UpdateEffort) body: UpdateEffort,
  ): Promise<Effort> {
    return this.plans.updateEffort(actor, id, effortId, body);
  }

  @Get('history')
  @ZResponse(200, PlanHistory)
  async history(@Actor() actor: StaffActor, @UuidParam('id', 'Case') id: string): Promise<PlanHistory> {
    return { items: await this.plans.history(actor, id) };
  }
}
