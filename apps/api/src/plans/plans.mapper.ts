import type { Effort, Plan } from '@tvaers/contracts';
import { nextPlanReviewDue } from '@tvaers/domain';
import type { EffortEntity } from './effort.entity';
import type { PlanEntity } from './plan.entity';

export function toEffort(e: Omit<EffortEntity, 'createdAt'>): Effort {
  return {
    id: e.id,
    type: e.type,
    title: e.title,
    discipline: e.discipline,
    ownerId: e.ownerId,
    purpose: e.purpose,
    startDate: e.startDate,
    endDate: e.endDate,
    status: e.status,
    stopReason: e.stopReason,
  };
}

export function toPlan(
  p: PlanEntity,
  efforts: Omit<EffortEntity, 'createdAt'>[],
  health: { hidden: boolean; visible: boolean },
): Plan {
  return {
    caseId: p.caseId,
    version: p.version,
    citizenGoal: p.citizenGoal,
    jobGoal: p.jobGoal,
    contactPlan: p.contactPlan,
    efforts: efforts.map(toEffort),
    healthHidden: health.hidden,
    healthVisible: health.visible,
    nextReviewDue: nextPlanReviewDue(p.reviewedOn),
    reviewedOn: p.reviewedOn,
    assessedOn: p.assessedOn,
    updatedAt: p.updatedAt.toISOString(),
    updatedBy: p.updatedById ? { id: p.updatedById, name: p.updatedByName ?? '' } : null,
  };
}

/** The fields a plan version diffs: goals, contact plan and each effort by id. */
export function planSnapshot(p: PlanEntity, efforts: EffortEntity[]): Record<string, unknown> {
  return {
    citizenGoal: p.citizenGoal,
    jobGoal: p.jobGoal,
    contactPlan: p.contactPlan,
    reviewedOn: p.reviewedOn,
    assessedOn: p.assessedOn,
    efforts: Object.fromEntries(efforts.map((e) => [e.id, { ...toEffort(e), id: undefined }])),
  };
}
