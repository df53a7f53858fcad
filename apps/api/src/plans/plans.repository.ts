import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '../common/database/transactional-repository';
import { CASES_OF_CITIZENS, REDACTED } from '../citizens/anonymised';
import { EffortEntity } from './effort.entity';

/** An effort as the plan shows it. */
export type EffortRow = Omit<EffortEntity, 'createdAt'>;
import { PlanVersionEntity, type FieldChange } from './plan-version.entity';
import { PlanEntity } from './plan.entity';

/** The plan and its efforts, read by findPlanWithEfforts and by the bench's bare baseline (tests/perf/baseline.mjs). */
export const PLAN_WITH_EFFORTS_SQL = `SELECT p.case_id AS "caseId", p.version, p.citizen_goal AS "citizenGoal", p.job_goal AS "jobGoal",
          p.contact_plan AS "contactPlan", to_char(p.reviewed_on, 'YYYY-MM-DD') AS "reviewedOn",
          to_char(p.assessed_on, 'YYYY-MM-DD') AS "assessedOn", p.updated_at AS "updatedAt",
          p.updated_by_id AS "updatedById", p.updated_by_name AS "updatedByName",
          COALESCE((SELECT json_agg(json_build_object(
              'id', e.id, 'caseId', e.case_id, 'type', e.type, 'title', e.title, 'discipline', e.discipline,
              'ownerId', e.owner_id, 'purpose', e.purpose, 'startDate', to_char(e.start_date, 'YYYY-MM-DD'),
              'endDate', to_char(e.end_date, 'YYYY-MM-DD'), 'status', e.status, 'stopReason', e.stop_reason)
            ORDER BY e.created_at, e.id) FROM effort e WHERE e.case_id = p.case_id), '[]') AS efforts
     FROM plan p WHERE p.case_id = $1`;

@Injectable()
export class PlansRepository extends TransactionalRepository {
  private readonly plans = this.repository(PlanEntity);
  private readonly efforts = this.repository(EffortEntity);
  private readonly versions = this.repository(PlanVersionEntity);

  /** The plan and its efforts in one statement, without the ORM (the hot read path). */
  async findPlanWithEfforts(caseId: string): Promise<{ plan: PlanEntity; efforts: EffortRow[] } | null> {
    const rows: (PlanEntity & { efforts: EffortRow[] })[] = await this.plans().query(PLAN_WITH_EFFORTS_SQL, [caseId]);
    const row = rows[0];
    if (!row) return null;
    const { efforts, ...plan } = row;
    return { plan: Object.assign(new PlanEntity(), plan), efforts };
  }

  /** Row lock: plan changes of one case are applied one at a time, each against the version it read. */
  lockPlan(caseId: string): Promise<PlanEntity | null> {
    return this.plans().findOne({ where: { caseId }, lock: { mode: 'pessimistic_write' } });
  }

  findEfforts(caseId: string): Promise<EffortEntity[]> {
    return this.efforts().find({
      where: { caseId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  findEffort(caseId: string, id: string): Promise<EffortEntity | null> {
    return this.efforts().findOne({ where: { caseId, id } });
  }

  saveEffort(effort: Partial<EffortEntity>): Promise<EffortEntity> {
    const efforts = this.efforts();
    return efforts.save(efforts.create(effort));
  }

  async savePlan(plan: PlanEntity): Promise<void> {
    await this.plans().save(plan);
  }

  async addVersion(v: {
    caseId: string;
    version: number;
    at: Date;
    byId: string;
    byName: string;
    changes: FieldChange[];
  }): Promise<void> {
    const versions = this.versions();
    await versions.save(versions.create(v), { reload: false });
  }

  version(caseId: string, version: number): Promise<PlanVersionEntity | null> {
    return this.versions().findOne({ where: { caseId, version } });
  }

  history(caseId: string): Promise<PlanVersionEntity[]> {
    return this.versions().find({ where: { caseId }, order: { version: 'DESC' } });
  }

  /** Retention: the plans' goals, their versions' values and the efforts' text go (citizens anonymised in the caller's transaction). */
  async anonymiseCitizens(citizenIds: string[]): Promise<void> {
    const q = (sql: string) => this.em.query(sql, [citizenIds]);
    const cases = CASES_OF_CITIZENS;
    await q(
      `UPDATE plan SET citizen_goal = '', job_goal = '',
              contact_plan = CASE WHEN contact_plan IS NULL THEN NULL
                                  ELSE jsonb_set(contact_plan, '{reason}', to_jsonb('${REDACTED}'::text)) END
        WHERE case_id IN (${cases})`,
    );
    // Which fields changed when, and by whom, stays; what they said does not.
    await q(
      `UPDATE plan_version SET changes = (
         SELECT coalesce(jsonb_agg(jsonb_build_object('field', e->'field', 'from', NULL, 'to', NULL)), '[]'::jsonb)
           FROM jsonb_array_elements(changes) e)
        WHERE case_id IN (${cases})`,
    );
    await q(`UPDATE effort SET title = '${REDACTED}', purpose = NULL, stop_reason = NULL WHERE case_id IN (${cases})`);
  }
}
