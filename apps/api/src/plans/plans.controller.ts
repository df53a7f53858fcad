import { Controller, Get, Headers, HttpCode, Patch, Post, Put, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateEffort, Effort, Plan, PlanHistory, RecordReview, UpdateEffort, UpdatePlan } from '@tvaers/contracts';
import type { FastifyReply } from 'fastify';
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffOnly } from '../common/auth/decorators';
import { UuidParam } from '../common/validation/uuid-param';
import { ZBody, ZResponse } from '../common/validation/zod';
import { ApiProblem } from '../common/http/openapi';
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
  @ApiOperation({ summary: "Read a case's shared plan" })
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
  @ApiOperation({ summary: "Change a case's shared plan" })
  @ApiProblem(412, 'The plan has changed since the version in If-Match, or If-Match names no version')
  @ApiProblem(428, 'If-Match is missing')
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
  @ApiOperation({ summary: 'Record a follow-up review of the plan' })
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
  @ApiOperation({ summary: 'Add an effort to the plan' })
  @ApiProblem(403, "A health effort needs health staff or the citizen's consent")
  @ZResponse(201, Effort, 'Created')
  addEffort(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(CreateEffort) body: CreateEffort,
  ): Promise<Effort> {
    return this.plans.addEffort(actor, id, body);
  }

  @Patch('efforts/:effortId')
  @ApiOperation({ summary: 'Change an effort of the plan' })
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
  @ApiOperation({ summary: "Read the plan's versions with field-level changes" })
  @ZResponse(200, PlanHistory)
  async history(@Actor() actor: StaffActor, @UuidParam('id', 'Case') id: string): Promise<PlanHistory> {
    return { items: await this.plans.history(actor, id) };
  }
}
