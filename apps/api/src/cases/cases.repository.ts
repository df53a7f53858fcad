import { Injectable } from '@nestjs/common';
import type { CaseQuery } from '@tvaers/contracts';
import type { ListScope } from '../access/list-scope';
import { containsPattern } from '../common/database/sql';
import { TransactionalRepository } from '../common/database/transactional-repository';
import { StaffEntity } from '../people/staff.entity';
import { CaseMemberEntity } from './case-member.entity';
import { CaseEntity } from './case.entity';

export type CaseRow = CaseEntity & { members: CaseMemberEntity[] };

@Injectable()
export class CasesRepository extends TransactionalRepository {
  private readonly cases = this.repository(CaseEntity);

  private base() {
    return this.cases()
      .createQueryBuilder('k')
      .innerJoinAndSelect('k.citizen', 'c')
      .innerJoinAndSelect('k.responsible', 'r')
      .leftJoinAndMapMany('k.members', CaseMemberEntity, 'm', 'm.case_id = k.id')
      .leftJoinAndSelect('m.staff', 'ms');
  }

  async findById(id: string): Promise<CaseRow | null> {
    return ((await this.base().where('k.id = :id', { id }).getOne()) as CaseRow | null) ?? null;
  }

  /** Cases within the actor's scope, filtered; ordered by citizen name. */
  async list(scope: ListScope, q: CaseQuery): Promise<CaseRow[]> {
    const qb = this.base().where(scope.cases('k'), scope.params);
    if (q.teamId) qb.andWhere('k.team_id = :teamId', { teamId: q.teamId });
    if (q.responsibleId) qb.andWhere('k.responsible_id = :rid', { rid: q.responsibleId });
    if (q.status) qb.andWhere('k.status = :status', { status: q.status });
    if (q.benefit) qb.andWhere('c.benefit = :benefit', { benefit: q.benefit });
    if (q.ids) qb.andWhere('k.id = ANY(:ids::uuid[])', { ids: q.ids });
    if (q.q) qb.andWhere('c.name ILIKE :p', { p: containsPattern(q.q) });
    return (await qb.orderBy('c.name', 'ASC').addOrderBy('k.opened_at', 'DESC').limit(500).getMany()) as CaseRow[];
  }

  /** Locks the staff row so concurrent assignments to one person are checked against the ceiling one at a time. */
  async lockStaff(staffId: string): Promise<StaffEntity | null> {
    return this.em
      .getRepository(StaffEntity)
      .createQueryBuilder('s')
      .leftJoinAndSelect('s.teams', 't')
      .where('s.id = :staffId AND s.active', { staffId })
      .setLock('pessimistic_write', undefined, ['s'])
      .getOne();
  }

  async activeWeights(staffId: string, exceptCaseId?: string): Promise<{ weight: number }[]> {
    const rows: { weight: string }[] = await this.em.query(
      `SELECT weight FROM "case" WHERE responsible_id = $1 AND status = 'active' AND ($2::uuid IS NULL OR id <> $2)`,
      [staffId, exceptCaseId ?? null],
    );
    return rows.map((r) => ({ weight: Number(r.weight) }));
  }

  async hasActiveCase(citizenId: string): Promise<boolean> {
    return this.cases().exists({ where: { citizenId, status: 'active' } });
  }

  insert(data: Partial<CaseEntity>): Promise<CaseEntity> {
    const cases = this.cases();
    return cases.save(cases.create(data));
  }

  async update(id: string, data: Partial<CaseEntity>): Promise<void> {
    await this.cases().update({ id }, data);
  }

  async setMember(caseId: string, staffId: string, role: string): Promise<void> {
    await this.em.getRepository(CaseMemberEntity).upsert({ caseId, staffId, role }, ['caseId', 'staffId']);
  }
}
