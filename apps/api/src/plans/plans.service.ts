import { Injectable } from '@nestjs/common';
import type {
  CreateEffort,
  Discipline,
  Effort,
  EffortEdit,
  Plan,
  PlanVersion,
  UpdateEffort,
  UpdatePlan,
} from '@tvaers/contracts';
import { canStartEffort, diffFields, localDate } from '@tvaers/domain';
import { AccessService, type Target } from '../access/access.service';
import { health, type Grant } from '../access/grant';
import { Permission } from '../access/permission';
import { CaseMembersService } from '../cases/case-members.service';
import type { StaffActor } from '../common/auth/actor';
import { notFound, ProblemError, validationFailed } from '../common/problem/problem';
import type { EffortEntity } from './effort.entity';
import type { PlanEntity } from './plan.entity';
import { planSnapshot, toEffort, toPlan } from './plans.mapper';
import { effortNotStarted, effortNotInPlan, effortOwnerInvalid, planVersionConflict } from './plans.errors';
import { PlansRepository } from './plans.repository';

@Injectable()
export class PlansService {
  constructor(
    private readonly plans: PlansRepository,
    private readonly access: AccessService,
    private readonly members: CaseMembersService,
  ) {}

  async get(actor: StaffActor, caseId: string): Promise<Plan> {
    const grant = await this.access.require(actor, Permission.PlanRead, caseId);
    const found = await this.plans.findPlanWithEfforts(caseId);
    if (!found) throw notFound('Plan');
    const shown = health.visible(grant, found.efforts);
    return toPlan(found.plan, shown.items, { hidden: shown.hidden, visible: grant.seesHealth });
  }

  /**
   * The plan's goals and its efforts within the health rule of a grant the caller was already given
   * (a guest's, for the excerpt shown on a roundtable link); null without a plan.
   */
  async excerpt(
    grant: Grant,
    caseId: string,
  ): Promise<{ citizenGoal: string; jobGoal: string; efforts: Effort[] } | null> {
    const found = await this.plans.findPlanWithEfforts(caseId);
    if (!found) return null;
    return {
      citizenGoal: found.plan.citizenGoal,
      jobGoal: found.plan.jobGoal,
      efforts: health.visible(grant, found.efforts).items.map(toEffort),
    };
  }

  /**
   * The efforts these ids name, as the reader of `grant` may see them (hidden health efforts left out), each with
   * the field changes plan version `version` made to it: what a held meeting's decisions did, for the citizen's link.
   */
  async effortsChangedIn(
    grant: Grant,
    caseId: string,
    effortIds: string[],
    version: number | null,
  ): Promise<Map<string, { effort: Effort; changes: { field: string; to: unknown }[] }>> {
    if (effortIds.length === 0) return new Map();
    const [efforts, v] = await Promise.all([
      this.plans.findEfforts(caseId),
      version === null ? null : this.plans.version(caseId, version),
    ]);
    const shown = health.visible(
      grant,
      efforts.filter((e) => effortIds.includes(e.id)),
    ).items;
    return new Map(
      shown.map((e) => {
        const prefix = `efforts.${e.id}.`;
        const changes = (v?.changes ?? [])
          .filter((c) => c.field.startsWith(prefix))
          .map((c) => ({ field: c.field.slice(prefix.length), to: c.to }));
        return [e.id, { effort: toEffort(e), changes }];
      }),
    );
  }

  /**
   * Applies one change under the plan's row lock and records it as the next version with a field diff; answers
   * `apply`'s result and the version made (null when nothing changed). `expectedVersion` (If-Match) makes a stale
   * writer fail instead of overwriting.
   */
  private async change<T>(
    actor: StaffActor,
    permission: Permission.PlanWrite | Permission.EffortWrite,
    target: Target,
    expectedVersion: number | null,
    apply: (plan: PlanEntity, grant: Grant) => T | Promise<T>,
  ): Promise<{ result: T; version: number | null }> {
    const caseId = typeof target === 'string' ? target : target.caseId;
    return this.access.change<{ result: T; version: number | null }>(actor, permission, target, async (grant) => {
      const plan = await this.plans.lockPlan(caseId);
      if (!plan) throw notFound('Plan');
      if (expectedVersion !== null && plan.version !== expectedVersion) {
        throw planVersionConflict(plan.version, expectedVersion);
      }
      const before = planSnapshot(plan, await this.plans.findEfforts(caseId));
      const result = await apply(plan, grant);
      const after = planSnapshot(plan, await this.plans.findEfforts(caseId));
      const changes = diffFields(before, after);
      // Nothing changed: still logged, as the answer shows the citizen's data.
      if (changes.length === 0) {
        return {
          result: { result, version: null },
          audit: { entityId: caseId, details: { version: plan.version, fields: [] } },
        };
      }
      const at = new Date();
      Object.assign(plan, {
        version: plan.version + 1,
        updatedAt: at,
        updatedById: actor.id,
        updatedByName: actor.name,
      });
      await this.plans.savePlan(plan);
      await this.plans.addVersion({
        caseId,
        version: plan.version,
        at,
        byId: actor.id,
        byName: actor.name,
        changes,
      });
      return {
        result: { result, version: plan.version },
        audit: { entityId: caseId, details: { version: plan.version, fields: changes.map((c) => c.field) } },
        events: [['plan.changed', { caseId, version: plan.version }]],
      };
    });
  }

  async update(actor: StaffActor, caseId: string, ifMatch: number, input: UpdatePlan): Promise<Plan> {
    await this.change(actor, Permission.PlanWrite, caseId, ifMatch, (plan) => {
      if (input.citizenGoal !== undefined) plan.citizenGoal = input.citizenGoal;
      if (input.jobGoal !== undefined) plan.jobGoal = input.jobGoal;
      if (input.contactPlan !== undefined) plan.contactPlan = input.contactPlan;
    });
    return this.get(actor, caseId);
  }

  /** The yearly follow-up (årlig opfølgning); with an assessment it also meets the clarification guarantee. */
  async recordReview(actor: StaffActor, caseId: string, workCapacityAssessed: boolean): Promise<Plan> {
    await this.change(actor, Permission.PlanWrite, caseId, null, (plan) => {
      const today = localDate(new Date());
      plan.reviewedOn = today;
      if (workCapacityAssessed) plan.assessedOn = today;
    });
    return this.get(actor, caseId);
  }

  async addEffort(actor: StaffActor, caseId: string, input: CreateEffort): Promise<Effort> {
    const { result } = await this.change(actor, Permission.PlanWrite, caseId, null, (_plan, grant) =>
      this.insertEffort(actor, caseId, grant, input),
    );
    return result;
  }

  async updateEffort(actor: StaffActor, caseId: string, effortId: string, input: UpdateEffort): Promise<Effort> {
    const { result } = await this.change(actor, Permission.EffortWrite, { caseId, effortId }, null, async () => {
      const effort = await this.plans.findEffort(caseId, effortId);
      if (!effort) throw notFound('Effort');
      return this.reviseEffort(actor, caseId, effort, input);
    });
    return result;
  }

  /**
   * Several effort edits (a meeting's decisions) applied together as ONE plan version whose history lists every
   * change; in the caller's transaction when there is one, so a failing edit leaves nothing behind. `paths` names
   * each edit in the request: its errors are reported below it (e.g. `decisions.2.effort.add.ownerId`).
   * `plan.changed` goes out once the caller's transaction has committed.
   */
  async applyEffortEdits(
    actor: StaffActor,
    caseId: string,
    edits: { path: string; edit: EffortEdit }[],
  ): Promise<{ efforts: { action: 'add' | 'change'; effortId: string }[]; version: number | null }> {
    const { result, version } = await this.change(actor, Permission.PlanWrite, caseId, null, async (_p, grant) => {
      const done: { action: 'add' | 'change'; effortId: string }[] = [];
      for (const { path, edit } of edits) {
        if (edit.add) {
          const added = await under(`${path}.add`, () => this.insertEffort(actor, caseId, grant, edit.add!));
          done.push({ action: 'add', effortId: added.id });
        } else if (edit.change) {
          const { effortId, ...input } = edit.change;
          const effort = await this.plans.findEffort(caseId, effortId);
          // A health effort out of the caller's reach is as unknown as a missing one.
          if (!effort || health.hides(grant, effort.discipline)) throw effortNotInPlan(`${path}.change.effortId`);
          await under(`${path}.change`, () => this.reviseEffort(actor, caseId, effort, input));
          done.push({ action: 'change', effortId });
        }
      }
      return done;
    });
    return { efforts: result, version };
  }

  private async insertEffort(actor: StaffActor, caseId: string, grant: Grant, input: CreateEffort): Promise<Effort> {
    health.requireSees(grant, input.discipline);
    await this.requireOwner(actor, caseId, input.ownerId, input.discipline);
    return toEffort(
      await this.plans.saveEffort({
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
    );
  }

  /** One effort's change by the rules of PATCH …/efforts/:id (owner, dates, start before active). */
  private async reviseEffort(
    actor: StaffActor,
    caseId: string,
    effort: EffortEntity,
    input: UpdateEffort,
  ): Promise<Effort> {
    const next = {
      ...effort,
      ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
    };
    if (input.ownerId !== undefined) await this.requireOwner(actor, caseId, input.ownerId, effort.discipline);
    if (input.status && input.status !== 'stopped') next.stopReason = null;
    if (next.startDate && next.endDate && next.startDate > next.endDate) {
      throw validationFailed([{ path: 'endDate', message: 'must not be before startDate' }]);
    }
    const timed = input.status !== undefined || input.startDate !== undefined;
    const start = next.startDate;
    if (timed && next.status === 'active' && start && !canStartEffort(start, localDate(new Date()))) {
      throw effortNotStarted(start, input.status ? 'status' : 'startDate');
    }
    return toEffort(await this.plans.saveEffort(next));
  }

  /** The owner is on the case and of the effort's discipline; a colleague of the case's team joins it here. */
  private async requireOwner(
    actor: StaffActor,
    caseId: string,
    ownerId: string | null | undefined,
    discipline: Discipline,
  ): Promise<void> {
    if (ownerId && !(await this.members.join(actor, caseId, ownerId, 'effort_owner', discipline))) {
      throw effortOwnerInvalid();
    }
  }

  async history(actor: StaffActor, caseId: string): Promise<PlanVersion[]> {
    const grant = await this.access.require(actor, Permission.PlanHistoryRead, caseId);
    const [efforts, rows] = await Promise.all([this.plans.findEfforts(caseId), this.plans.history(caseId)]);
    const hidden = new Set(efforts.filter((e) => health.hides(grant, e.discipline)).map((e) => e.id));
    return rows.map((v) => {
      const changes = v.changes.filter((c) => !hidden.has(c.field.split('.')[1] ?? ''));
      return {
        version: v.version,
        at: v.at.toISOString(),
        by: v.byId ? { id: v.byId, name: v.byName ?? '' } : null,
        changes,
        healthHidden: changes.length !== v.changes.length,
      };
    });
  }

  /** Retention, in the caller's transaction (a system change: no actor, no access-log row of its own). */
  anonymiseCitizens(citizenIds: string[]): Promise<void> {
    return this.plans.anonymiseCitizens(citizenIds);
  }
}

/** Runs `work`, reporting its field errors below `prefix` (an edit's place in a larger request). */
async function under<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ProblemError && err.errors) {
      throw new ProblemError(
        err.status,
        err.code,
        err.message,
        err.errors.map((e) => ({ ...e, path: `${prefix}.${e.path}` })),
      );
    }
    throw err;
  }
}
