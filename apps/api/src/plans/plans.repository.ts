import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { EffortEntity } from './effort.entity';
import { PlanVersionEntity, type FieldChange } from './plan-version.entity';
import { PlanEntity } from './plan.entity';

@Injectable()
export class PlansRepository {
  constructor(
    @InjectRepository(PlanEntity) private readonly plans: Repository<PlanEntity>,
    @InjectRepository(EffortEntity) private readonly efforts: Repository<EffortEntity>,
    @InjectRepository(PlanVersionEntity) private readonly versions: Repository<PlanVersionEntity>,
  ) {}

  findPlan(caseId: string): Promise<PlanEntity | null> {
    return this.plans.findOne({ where: { caseId } });
  }

  /** Row lock: plan changes of one case are applied one at a time, each against the version it read. */
  lockPlan(em: EntityManager, caseId: string): Promise<PlanEntity | null> {
    return em.getRepository(PlanEntity).findOne({ where: { caseId }, lock: { mode: 'pessimistic_write' } });
  }

  findEfforts(caseId: string, em?: EntityManager): Promise<EffortEntity[]> {
    return (em ? em.getRepository(EffortEntity) : this.efforts).find({
      where: { caseId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  findEffort(em: EntityManager, caseId: string, id: string): Promise<EffortEntity | null> {
    return em.getRepository(EffortEntity).findOne({ where: { caseId, id } });
  }

  saveEffort(em: EntityManager, effort: Partial<EffortEntity>): Promise<EffortEntity> {
    const repo = em.getRepository(EffortEntity);
    return repo.save(repo.create(effort));
  }

  async savePlan(em: EntityManager, plan: PlanEntity): Promise<void> {
    await em.getRepository(PlanEntity).save(plan);
  }

  async addVersion(
    em: EntityManager,
    v: { caseId: string; version: number; at: Date; byId: string; byName: string; changes: FieldChange[] },
  ): Promise<void> {
    await em.getRepository(PlanVersionEntity).save(em.getRepository(PlanVersionEntity).create(v), { reload: false });
  }

  history(caseId: string): Promise<PlanVersionEntity[]> {
    return this.versions.find({ where: { caseId }, order: { version: 'DESC' } });
  }
}
