import { Injectable } from '@nestjs/common';
import type { CreateEffort, Effort, Plan, PlanVersion, UpdateEffort, UpdatePlan } from '@tvaers/contracts';
import { diffFields, localDate } from '@tvaers/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CasesService } from '../cases/cases.service';
import type { StaffActor } from '../common/auth/actor';
import { DomainEvents } from '../common/events/domain-events';
import { notFound, ProblemError } from '../common/problem/problem';
import type { EffortEntity } from './effort.entity';
import type { PlanEntity } from './plan.entity';
import { HealthAccess } from './health-access';
import { planSnapshot, toEffort, toPlan } from './plans.mapper';
import { PlansRepository } from './plans.repository';

@Injectable()
export class PlansService {
  constructor(
    private readonly ds: DataSource,
    private readonly plans: PlansRepository,
    private readonly cases: CasesService,
    private readonly health: HealthAccess,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  private visibleEfforts(efforts: EffortEntity[], seesHealth: boolean) {
    return seesHealth ? efforts : efforts.filter((e) => e.discipline !== 'health');
  }

  async get(actor: StaffActor, caseId: string): Promise<Plan> {
    const k = await this.cases.visibleCase(actor, caseId);
    const plan = await this.plans.findPlan(caseId);
    if (!plan) throw notFound('Plan');
    const sees = await this.health.seesHealth(actor, k.citizenId);
    const efforts = await this.plans.findEfforts(caseId);
    await this.audit.record(actor, [{ citizenId: k.citizenId, action: 'plan.read', entity: 'plan', entityId: caseId }]);
    return toPlan(plan, this.visibleEfforts(efforts, sees), !sees && efforts.some((e) => e.discipline === 'health'));
  }

  /**
   * Applies one change under the plan's row lock and records it as the next version with a field diff.
   * `expectedVersion` (If-Match) makes a stale writer fail instead of overwriting.
   */
  private async change<T>(
    actor: StaffActor,
    caseId: string,
    expectedVersion: number | null,
    apply: (em: EntityManager, plan: PlanEntity) => Promise<T>,
  ): Promise<T> {
    const k = await this.cases.visibleCase(actor, caseId);
    const { result, version } = await this.ds.transaction(async (em) => {
      const plan = await this.plans.lockPlan(em, caseId);
      if (!plan) throw notFound('Plan');
      if (expectedVersion !== null && plan.version !== expectedVersion) {
        throw new ProblemError(
          412,
          'PLAN_VERSION_CONFLICT',
          `The plan is at version ${plan.version}, not ${expectedVersion}: reload and try again.`,
        );
      }
      const before = planSnapshot(plan, await this.plans.findEfforts(caseId, em));
      const result = await apply(em, plan);
      const after = planSnapshot(plan, await this.plans.findEfforts(caseId, em));
      const changes = diffFields(before, after);
      if (changes.length === 0) return { result, version: null };
      const at = new Date();
      Object.assign(plan, {
        version: plan.version + 1,
        updatedAt: at,
        updatedById: actor.id,
        updatedByName: actor.name,
      });
      await this.plans.savePlan(em, plan);
      await this.plans.addVersion(em, {
        caseId,
        version: plan.version,
        at,
        byId: actor.id,
        byName: actor.name,
        changes,
      });
      await this.audit.record(
        actor,
        [
          {
            citizenId: k.citizenId,
            action: 'plan.update',
            entity: 'plan',
            entityId: caseId,
            details: { version: plan.version, fields: changes.map((c) => c.field) },
          },
        ],
        em,
      );
      return { result, version: plan.version };
    });
    if (version !== null) this.events.emit('plan.changed', { caseId, version });
    return result;
  }

  async update(actor: StaffActor, caseId: string, ifMatch: number, input: UpdatePlan): Promise<Plan> {
    await this.change(actor, caseId, ifMatch, async (_em, plan) => {
      if (input.citizenGoal !== undefined) plan.citizenGoal = input.citizenGoal;
      if (input.jobGoal !== undefined) plan.jobGoal = input.jobGoal;
      if (input.contactPlan !== undefined) plan.contactPlan = input.contactPlan;
    });
    return this.get(actor, caseId);
  }

  /** The yearly follow-up (årlig opfølgning); with an assessment it also meets the clarification guarantee. */
  async recordReview(actor: StaffActor, caseId: string, workCapacityAssessed: boolean): Promise<Plan> {
    await this.change(actor, caseId, null, async (_em, plan) => {
      const today = localDate(new Date());
      plan.reviewedOn = today;
      if (workCapacityAssessed) plan.assessedOn = today;
    });
    return this.get(actor, caseId);
  }

  async addEffort(actor: StaffActor, caseId: string, input: CreateEffort): Promise<Effort> {
    return this.change(actor, caseId, null, async (em) =>
      toEffort(
        await this.plans.saveEffort(em, {
          caseId,
          type: input.type,
          title: input.title,
          discipline: input.discipline,
          ownerId: input.ownerId ?? null,
          purpose: input.purpose ?? null,
          startDate: input.startDate ?? null,
          endDate: input.endDate ?? null,
          status: 'planned',
          stopReason: null,
        }),
      ),
    );
  }

  async updateEffort(actor: StaffActor, caseId: string, effortId: string, input: UpdateEffort): Promise<Effort> {
    return this.change(actor, caseId, null, async (em) => {
      const effort = await this.plans.findEffort(em, caseId, effortId);
      if (!effort) throw notFound('Effort');
      const next = {
        ...effort,
        ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
      } as EffortEntity;
      if (input.status && input.status !== 'stopped') next.stopReason = null;
      if (next.startDate && next.endDate && next.startDate > next.endDate) {
        throw new ProblemError(400, 'VALIDATION_FAILED', 'The request has invalid fields.', [
          { path: 'endDate', message: 'must not be before startDate' },
        ]);
      }
      return toEffort(await this.plans.saveEffort(em, next));
    });
  }

  async history(actor: StaffActor, caseId: string): Promise<PlanVersion[]> {
    const k = await this.cases.visibleCase(actor, caseId);
    const sees = await this.health.seesHealth(actor, k.citizenId);
    const hidden = sees
      ? new Set<string>()
      : new Set((await this.plans.findEfforts(caseId)).filter((e) => e.discipline === 'health').map((e) => e.id));
    const rows = await this.plans.history(caseId);
    await this.audit.record(actor, [
      { citizenId: k.citizenId, action: 'plan.history.read', entity: 'plan', entityId: caseId },
    ]);
    return rows.map((v) => ({
      version: v.version,
      at: v.at.toISOString(),
      by: v.byId ? { id: v.byId, name: v.byName ?? '' } : null,
      changes: v.changes.filter((c) => !hidden.has(c.field.split('.')[1] ?? '')),
    }));
  }
}
