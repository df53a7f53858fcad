import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import type { ListScope } from '../access/list-scope';
import { CitizenRequestEntity } from './citizen-request.entity';
import { ExemptionEntity } from './exemption.entity';
import { IndicatorScoreEntity } from './indicator-score.entity';

export interface WorklistCaseRow {
  case_id: string;
  citizen_id: string;
  citizen_name: string;
  responsible_id: string;
  benefit: string;
  benefit_start: string | null;
  reviewed_on: string;
  assessed_on: string | null;
}

@Injectable()
export class FollowUpRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private get requests() {
    return this.txHost.tx.getRepository(CitizenRequestEntity);
  }

  private get scores() {
    return this.txHost.tx.getRepository(IndicatorScoreEntity);
  }

  private get exemptions() {
    return this.txHost.tx.getRepository(ExemptionEntity);
  }

  listRequests(caseId: string): Promise<CitizenRequestEntity[]> {
    return this.requests.find({ where: { caseId }, order: { receivedAt: 'DESC' } });
  }

  findRequest(caseId: string, id: string): Promise<CitizenRequestEntity | null> {
    return this.requests.findOne({ where: { caseId, id } });
  }

  saveRequest(r: Partial<CitizenRequestEntity>): Promise<CitizenRequestEntity> {
    return this.requests.save(this.requests.create(r));
  }

  /** Decides only an undecided request, so two decisions can never both land. */
  async decide(
    id: string,
    d: Pick<CitizenRequestEntity, 'decision' | 'decisionReason' | 'decidedAt' | 'decidedById' | 'decidedByName'>,
  ): Promise<boolean> {
    const res = await this.requests.update({ id, decision: IsNull() }, d);
    return (res.affected ?? 0) === 1;
  }

  async insertScores(rows: Partial<IndicatorScoreEntity>[]): Promise<void> {
    await this.scores.insert(rows);
  }

  listScores(caseId: string): Promise<IndicatorScoreEntity[]> {
    return this.scores.find({ where: { caseId }, order: { at: 'ASC', id: 'ASC' } });
  }

  listExemptions(caseId: string): Promise<ExemptionEntity[]> {
    return this.exemptions.find({ where: { caseId }, order: { startDate: 'DESC' } });
  }

  saveExemption(e: Partial<ExemptionEntity>): Promise<ExemptionEntity> {
    return this.exemptions.save(this.exemptions.create(e));
  }

  /** Active cases within the actor's scope (and of one responsible person, if given), with what the deadline rules need. */
  worklistCases(scope: ListScope, responsibleId: string | null): Promise<WorklistCaseRow[]> {
    const qb = this.txHost.tx
      .createQueryBuilder()
      .select([
        'k.id AS case_id',
        'k.citizen_id AS citizen_id',
        'c.name AS citizen_name',
        'k.responsible_id AS responsible_id',
        'c.benefit AS benefit',
        `to_char(c.benefit_start, 'YYYY-MM-DD') AS benefit_start`,
        `to_char(p.reviewed_on, 'YYYY-MM-DD') AS reviewed_on`,
        `to_char(p.assessed_on, 'YYYY-MM-DD') AS assessed_on`,
      ])
      .from('case', 'k')
      .innerJoin('citizen', 'c', 'c.id = k.citizen_id')
      .innerJoin('plan', 'p', 'p.case_id = k.id')
      .where(`k.status = 'active'`)
      .andWhere(scope.cases('k'), scope.params);
    if (responsibleId) qb.andWhere('k.responsible_id = :responsibleId', { responsibleId });
    return qb.getRawMany<WorklistCaseRow>();
  }

  openRequests(caseIds: string[]): Promise<CitizenRequestEntity[]> {
    return caseIds.length
      ? this.requests.find({ where: { caseId: In(caseIds), decision: IsNull() } })
      : Promise.resolve([]);
  }

  currentExemptions(caseIds: string[], today: string): Promise<ExemptionEntity[]> {
    if (!caseIds.length) return Promise.resolve([]);
    return this.exemptions
      .createQueryBuilder('e')
      .where('e.case_id IN (:...caseIds)', { caseIds })
      .andWhere('e.start_date <= :today AND e.end_date >= :today', { today })
      .getMany();
  }
}
