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

  /** The plan and its efforts in one statement (the hot read path). */
  async findPlanWithEfforts(caseId: string): Promise<{ plan: PlanEntity; efforts: EffortEntity[] } | null> {
    const row = (await this.plans
      .createQueryBuilder('p')
      .leftJoinAndMapMany('p.efforts', EffortEntity, 'e', 'e.case_id = p.case_id')
      .where('p.case_id = :caseId', { caseId })
      .orderBy('e.created_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getOne()) as (PlanEntity & { efforts: EffortEntity[] }) | null;
    if (!row) return null;
    const { efforts, ...plan } = row;
    return { plan: Object.assign(new PlanEntity(), plan), efforts };
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
