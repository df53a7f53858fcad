import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, type Repository } from 'typeorm';
import { CitizenRequestEntity } from './citizen-request.entity';
import { ExemptionEntity } from './exemption.entity';
import { IndicatorScoreEntity } from './indicator-score.entity';

export interface WorklistCaseRow {
  case_id: string;
  citizen_name: string;
  responsible_id: string;
  benefit: string;
  benefit_start: string | null;
  reviewed_on: string;
  assessed_on: string | null;
}

@Injectable()
export class FollowUpRepository {
  constructor(
    @InjectRepository(CitizenRequestEntity) private readonly requests: Repository<CitizenRequestEntity>,
    @InjectRepository(IndicatorScoreEntity) private readonly scores: Repository<IndicatorScoreEntity>,
    @InjectRepository(ExemptionEntity) private readonly exemptions: Repository<ExemptionEntity>,
  ) {}

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

  insertScores(rows: Partial<IndicatorScoreEntity>[]): Promise<IndicatorScoreEntity[]> {
    return this.scores.save(rows.map((r) => this.scores.create(r)));
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

  /** Active cases with what the deadline rules need, for the given responsible person or teams. */
  worklistCases(filter: { responsibleId?: string; teamIds?: string[] }): Promise<WorklistCaseRow[]> {
    return this.requests.query(
      `SELECT k.id AS case_id, c.name AS citizen_name, k.responsible_id, c.benefit,
              to_char(c.benefit_start, 'YYYY-MM-DD') AS benefit_start,
              to_char(p.reviewed_on, 'YYYY-MM-DD') AS reviewed_on, to_char(p.assessed_on, 'YYYY-MM-DD') AS assessed_on
         FROM "case" k JOIN citizen c ON c.id = k.citizen_id JOIN plan p ON p.case_id = k.id
        WHERE k.status = 'active' AND ($1::uuid IS NULL OR k.responsible_id = $1) AND ($2::uuid[] IS NULL OR k.team_id = ANY($2))`,
      [filter.responsibleId ?? null, filter.teamIds ?? null],
    );
  }

  citizenIds(caseIds: string[]): Promise<{ case_id: string; citizen_id: string }[]> {
    return caseIds.length
      ? this.requests.query(`SELECT id AS case_id, citizen_id FROM "case" WHERE id = ANY($1::uuid[])`, [caseIds])
      : Promise.resolve([]);
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
