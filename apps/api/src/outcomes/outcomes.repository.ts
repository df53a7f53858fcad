import { Injectable } from '@nestjs/common';
import type { CloseOutcome, IndicatorKey } from '@tvaers/contracts';
import type { ListScope } from '../access/list-scope';
import { TransactionalRepository } from '../common/database/transactional-repository';

export interface OutcomeCaseRow {
  id: string;
  citizenId: string;
  openedAt: Date;
  closedAt: Date | null;
  closeOutcome: CloseOutcome | null;
  intervalDays: number | null;
  /** The citizen's health_in_unit consent is given (the health rule, as in access.repository). */
  healthConsent: boolean;
}

export interface OutcomeScoreRow {
  caseId: string;
  key: IndicatorKey;
  ratedBy: 'citizen' | 'caseworker';
  score: number;
  at: Date;
}

/** Read-only figures across cases, plans, scores and meetings; every query is limited to the cases the caller got in scope. */
@Injectable()
export class OutcomesRepository extends TransactionalRepository {
  /** The team's cases active at some time in [start, end), within the actor's scope. */
  async cases(scope: ListScope, teamId: string, start: Date, end: Date): Promise<OutcomeCaseRow[]> {
    return this.em
      .createQueryBuilder()
      .select('k.id', 'id')
      .addSelect('k.citizen_id', 'citizenId')
      .addSelect('k.opened_at', 'openedAt')
      .addSelect('k.closed_at', 'closedAt')
      .addSelect('k.close_outcome', 'closeOutcome')
      .addSelect(`(p.contact_plan->>'intervalDays')::int`, 'intervalDays')
      .addSelect(
        `EXISTS (SELECT 1 FROM consent hc WHERE hc.citizen_id = k.citizen_id AND hc.scope = 'health_in_unit' AND hc.given)`,
        'healthConsent',
      )
      .from('case', 'k')
      .leftJoin('plan', 'p', 'p.case_id = k.id')
      .where('k.team_id = :teamId AND k.opened_at < :end AND (k.closed_at IS NULL OR k.closed_at >= :start)', {
        teamId,
        start,
        end,
      })
      .andWhere(scope.cases('k'), scope.params)
      .orderBy('k.opened_at')
      .addOrderBy('k.id')
      .getRawMany<OutcomeCaseRow>();
  }

  teams(teamIds: string[]): Promise<{ id: string; name: string }[]> {
    return this.em.query(`SELECT id, name FROM team WHERE id = ANY($1::uuid[]) ORDER BY name, id`, [teamIds]);
  }

  async scores(caseIds: string[], until: Date): Promise<OutcomeScoreRow[]> {
    if (caseIds.length === 0) return [];
    return this.em.query(
      `SELECT case_id AS "caseId", key, rated_by AS "ratedBy", score, at FROM indicator_score
        WHERE case_id = ANY($1::uuid[]) AND at <= $2 ORDER BY at`,
      [caseIds, until],
    );
  }

  /** When each held meeting took place: its planned start, or when it was marked held if it had none. */
  async heldMeetings(caseIds: string[]): Promise<{ caseId: string; at: Date }[]> {
    if (caseIds.length === 0) return [];
    return this.em.query(
      `SELECT case_id AS "caseId", COALESCE(start_at, held_at) AS at FROM meeting
        WHERE case_id = ANY($1::uuid[]) AND status = 'held' AND COALESCE(start_at, held_at) IS NOT NULL`,
      [caseIds],
    );
  }
}
