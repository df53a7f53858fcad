import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { localDate } from '@tvaers/domain';
import type { EntityManager } from 'typeorm';
import type { StaffActor } from '../common/auth/actor';
import { PlanVersionEntity } from './plan-version.entity';
import { PlanEntity } from './plan.entity';

type Author = Pick<StaffActor, 'id' | 'name'>;

/** A new case's plan: version 1, empty goals, no efforts. The demo seed, outside the app, passes its own manager. */
export async function createPlan(em: EntityManager, caseId: string, actor: Author): Promise<void> {
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

/** Opens a new case's plan in the case's transaction. */
@Injectable()
export class PlanCreator {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  createForCase(caseId: string, actor: Author): Promise<void> {
    return createPlan(this.txHost.tx, caseId, actor);
  }
}
