import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import type { ListScope } from '../access/list-scope';
import { TransactionalRepository } from '../common/database/transactional-repository';
import { CitizenRequestEntity } from '../requests/citizen-request.entity';
import { ExemptionEntity } from '../requests/exemption.entity';

export interface WorklistCaseRow {
  case_id: string;
  citizen_id: string;
  citizen_name: string;
  responsible_id: string | null;
  responsible_name: string | null;
  benefit: string;
  benefit_start: string | null;
  reviewed_on: string;
  assessed_on: string | null;
}

/** What the deadline rules read from the cases, plans, requests, exemptions and health statements; reads only. */
@Injectable()
export class WorklistRepository extends TransactionalRepository {
  private readonly requests = this.repository(CitizenRequestEntity);
  private readonly exemptions = this.repository(ExemptionEntity);

  /**
   * Active cases within the actor's scope, with what the deadline rules need; of one responsible person if given
   * (`none`: of no one yet).
   */
  worklistCases(scope: ListScope, responsible: string | null): Promise<WorklistCaseRow[]> {
    const qb = this.em
      .createQueryBuilder()
      .select([
        'k.id AS case_id',
        'k.citizen_id AS citizen_id',
        'c.name AS citizen_name',
        'k.responsible_id AS responsible_id',
        'r.name AS responsible_name',
        'c.benefit AS benefit',
        `to_char(c.benefit_start, 'YYYY-MM-DD') AS benefit_start`,
        `to_char(p.reviewed_on, 'YYYY-MM-DD') AS reviewed_on`,
        `to_char(p.assessed_on, 'YYYY-MM-DD') AS assessed_on`,
      ])
      .from('case', 'k')
      .innerJoin('citizen', 'c', 'c.id = k.citizen_id')
      .innerJoin('plan', 'p', 'p.case_id = k.id')
      .leftJoin('staff', 'r', 'r.id = k.responsible_id')
      .where(`k.status = 'active'`)
      .andWhere(scope.cases('k'), scope.params);
    if (responsible === 'none') qb.andWhere('k.responsible_id IS NULL');
    else if (responsible) qb.andWhere('k.responsible_id = :responsible', { responsible });
    return qb.getRawMany<WorklistCaseRow>();
  }

  openRequests(caseIds: string[]): Promise<CitizenRequestEntity[]> {
    return caseIds.length
      ? this.requests().find({ where: { caseId: In(caseIds), decision: IsNull() } })
      : Promise.resolve([]);
  }

  /**
   * Health statements of these cases their responsible person has not read yet, with whether the citizen's
   * health_in_unit consent is given (who else may read them); no content of the statement.
   */
  async unreadHealthStatements(
    caseIds: string[],
  ): Promise<{ id: string; caseId: string; receivedAt: Date; healthConsent: boolean }[]> {
    if (!caseIds.length) return [];
    const rows: { id: string; case_id: string; created_at: Date; health_consent: boolean }[] = await this.em.query(
      `SELECT s.id, s.case_id, s.created_at,
              EXISTS (SELECT 1 FROM consent c WHERE c.citizen_id = k.citizen_id
                       AND c.scope = 'health_in_unit' AND c.given) AS health_consent
         FROM health_statement s JOIN "case" k ON k.id = s.case_id
        WHERE s.case_id = ANY($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM health_statement_read r WHERE r.statement_id = s.id)
        ORDER BY s.created_at, s.id`,
      [caseIds],
    );
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      receivedAt: r.created_at,
      healthConsent: r.health_consent,
    }));
  }

  currentExemptions(caseIds: string[], today: string): Promise<ExemptionEntity[]> {
    if (!caseIds.length) return Promise.resolve([]);
    return this.exemptions()
      .createQueryBuilder('e')
      .where('e.case_id IN (:...caseIds)', { caseIds })
      .andWhere('e.start_date <= :today AND e.end_date >= :today', { today })
      .getMany();
  }
}
