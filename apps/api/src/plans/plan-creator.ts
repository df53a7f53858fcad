import { Injectable } from '@nestjs/common';
import { localDate } from '@tvaers/domain';
import type { EntityManager } from 'typeorm';
import type { StaffActor } from '../common/auth/actor';
import { PlanVersionEntity } from './plan-version.entity';
import { PlanEntity } from './plan.entity';

/** A new case's plan: version 1, empty goals, no efforts. */
@Injectable()
export class PlanCreator {
  async createForCase(em: EntityManager, caseId: string, actor: Pick<StaffActor, 'id' | 'name'>): Promise<void> {
    const now = new Date();
    await em.getRepository(PlanEntity).insert({
      caseId,
      version: 1,
      citizenGoal: '',
      jobGoal: '',
      contactPlan: null,
      reviewedOn: localDate(now),
      assessedOn: null,
      updatedAt: now,
      updatedById: actor.id,
      updatedByName: actor.name,
    });
    await em
      .getRepository(PlanVersionEntity)
      .insert({ caseId, version: 1, at: now, byId: actor.id, byName: actor.name, changes: [] });
  }
}
