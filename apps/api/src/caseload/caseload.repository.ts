import { Injectable } from '@nestjs/common';
import type { AssignmentEvent, CeilingHistory, CeilingRecord } from '@tvaers/domain';
import { TransactionalRepository } from '../common/database/transactional-repository';
import { StaffEntity } from '../people/staff.entity';

/** A person's load and what their ceiling is made of. */
export interface StaffLoadRow {
  id: string;
  name: string;
  discipline: 'employment' | 'health' | 'social';
  personal: string | null;
  active_cases: number;
  load: string;
  teams: { ceiling: number | null; targetGroupCeiling: number | null }[] | null;
}

export interface TeamRow {
  name: string;
  caseload_ceiling: string | null;
  group_id: string | null;
  group_name: string | null;
  range_min: string | null;
  range_max: string | null;
  default_ceiling: string | null;
}

export interface QueueRow {
  id: string;
  citizen_id: string;
  citizen_name: string;
  benefit: string;
  weight: string;
  /** When it last came to the queue: opened without anyone, or handed back (a leaver's case). */
  waiting_since: Date;
}

export interface OverrideRow {
  at: Date;
  entity_id: string | null;
  citizen_id: string;
  citizen_name: string;
  actor_name: string;
  purpose: string | null;
  details: { change?: string } | null;
  from_staff_id: string | null;
  from_name: string | null;
  to_staff_id: string | null;
  to_name: string | null;
}

// Count and load in one pass over the person's active cases, read from IDX_case_active_responsible alone.
const STAFF_LOADS = `SELECT s.id, s.name, s.discipline, s.caseload_ceiling AS personal, l.active_cases, l.load,
    (SELECT json_agg(json_build_object('ceiling', t.caseload_ceiling, 'targetGroupCeiling', g.default_ceiling))
       FROM team_member tm JOIN team t ON t.id = tm.team_id LEFT JOIN caseload_target_group g ON g.id = t.target_group_id
      WHERE tm.staff_id = s.id) AS teams
  FROM staff s
  CROSS JOIN LATERAL (SELECT count(*)::int AS active_cases, COALESCE(sum(k.weight), 0)::text AS load
       FROM "case" k WHERE k.responsible_id = s.id AND k.status = 'active') l
  WHERE s.active AND s.roles && ARRAY['caseworker', 'health']::text[]`;

// The caseload view's statements; the bench's bare baseline (tests/perf/baseline.mjs) runs them from the build.
export const TEAM_SQL = `SELECT t.name, t.caseload_ceiling, g.id AS group_id, g.name AS group_name, g.range_min, g.range_max, g.default_ceiling
     FROM team t LEFT JOIN caseload_target_group g ON g.id = t.target_group_id WHERE t.id = $1`;
export const TEAM_LOADS_SQL = `${STAFF_LOADS} AND EXISTS (SELECT 1 FROM team_member m WHERE m.staff_id = s.id AND m.team_id = $1) ORDER BY s.name`;
export const QUEUE_SQL = `SELECT * FROM (
     SELECT k.id, k.citizen_id, c.name AS citizen_name, c.benefit, k.weight,
            COALESCE((SELECT max(a.at) FROM case_assignment a
                       WHERE a.case_id = k.id AND a.to_staff_id IS NULL AND a.from_staff_id IS NOT NULL),
                     k.opened_at) AS waiting_since
       FROM "case" k JOIN citizen c ON c.id = k.citizen_id
      WHERE k.team_id = $1 AND k.status = 'active' AND k.responsible_id IS NULL) q
    ORDER BY q.waiting_since, q.id`;
/** The access log is an override's record; rows written before `toStaffId` name the receiver `staffId` or `responsibleId`. */
export const OVERRIDES_SQL = `SELECT a.at, a.entity_id, a.citizen_id, c.name AS citizen_name, a.actor_name, a.purpose, a.details,
          ids.from_staff_id, f.name AS from_name, ids.to_staff_id, r.name AS to_name
     FROM audit_entry a JOIN citizen c ON c.id = a.citizen_id
    CROSS JOIN LATERAL (SELECT a.details->>'fromStaffId' AS from_staff_id,
          COALESCE(a.details->>'toStaffId', a.details->>'staffId', a.details->>'responsibleId') AS to_staff_id) ids
     LEFT JOIN staff f ON f.id::text = ids.from_staff_id
     LEFT JOIN staff r ON r.id::text = ids.to_staff_id
    WHERE a.action = 'caseload.override' AND a.at >= $2
      AND EXISTS (SELECT 1 FROM "case" k WHERE k.id = a.entity_id AND k.team_id = $1)
    ORDER BY a.at DESC, a.id DESC LIMIT 200`;

/** Loads, ceilings, the intake queue and the assignment history, read for the caseload views and rules. */
@Injectable()
export class CaseloadRepository extends TransactionalRepository {
  /** The people of a team who can hold cases (caseworkers and health staff), by name. */
  teamLoads(teamId: string): Promise<StaffLoadRow[]> {
    return this.em.query(TEAM_LOADS_SQL, [teamId]);
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

  staffLoads(staffIds: string[]): Promise<StaffLoadRow[]> {
    return this.em.query(`${STAFF_LOADS} AND s.id = ANY($1::uuid[]) ORDER BY s.name`, [staffIds]);
  }

  async team(teamId: string): Promise<TeamRow | null> {
    const rows: TeamRow[] = await this.em.query(TEAM_SQL, [teamId]);
    return rows[0] ?? null;
  }

  queue(teamId: string): Promise<QueueRow[]> {
    return this.em.query(QUEUE_SQL, [teamId]);
  }

  /** Ceilings passed by an override in a team's cases, with the names of the people the case went from and to. */
  overrides(teamId: string, since: Date): Promise<OverrideRow[]> {
    return this.em.query(OVERRIDES_SQL, [teamId, since]);
  }

  /** Staff who know one of these citizens: responsible for (now or before) or member of one of their cases. */
  async knowingCitizens(citizenIds: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await this.em.query(
      `SELECT responsible_id AS id FROM "case" WHERE citizen_id = ANY($1::uuid[]) AND responsible_id IS NOT NULL
       UNION SELECT to_staff_id FROM case_assignment WHERE citizen_id = ANY($1::uuid[]) AND to_staff_id IS NOT NULL
       UNION SELECT m.staff_id FROM case_member m JOIN "case" k ON k.id = m.case_id WHERE k.citizen_id = ANY($1::uuid[])`,
      [citizenIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The configured default weight of a new case of this citizen (by benefit), if any. */
  async benefitWeight(citizenId: string): Promise<number | null> {
    const rows: { weight: string }[] = await this.em.query(
      `SELECT w.weight FROM citizen c JOIN benefit_weight w ON w.benefit = c.benefit WHERE c.id = $1`,
      [citizenId],
    );
    return rows.length ? Number(rows[0].weight) : null;
  }

  async teamsOf(staffIds: string[]): Promise<string[]> {
    const rows: { team_id: string }[] = await this.em.query(
      `SELECT DISTINCT team_id FROM team_member WHERE staff_id = ANY($1::uuid[])`,
      [staffIds],
    );
    return rows.map((r) => r.team_id);
  }

  private async events(where: string, params: unknown[]): Promise<AssignmentEvent[]> {
    const rows: {
      case_id: string;
      citizen_id: string;
      from_staff_id: string | null;
      to_staff_id: string | null;
      at: Date;
      weight: string;
    }[] = await this.em.query(
      `SELECT case_id, citizen_id, from_staff_id, to_staff_id, at, weight FROM case_assignment WHERE ${where} ORDER BY at, id`,
      params,
    );
    return rows.map((r) => ({
      caseId: r.case_id,
      citizenId: r.citizen_id,
      fromStaffId: r.from_staff_id,
      toStaffId: r.to_staff_id,
      at: r.at,
      weight: Number(r.weight),
    }));
  }

  /** Every event that moved a case to or from these people (their load over time, in any team). */
  eventsOfStaff(staffIds: string[]): Promise<AssignmentEvent[]> {
    return this.events(`from_staff_id = ANY($1::uuid[]) OR to_staff_id = ANY($1::uuid[])`, [staffIds]);
  }

  /** Every event of the citizens with a case in the team (their caseworkers, in any team). */
  eventsOfTeamCitizens(teamId: string): Promise<AssignmentEvent[]> {
    return this.events(`citizen_id IN (SELECT citizen_id FROM "case" WHERE team_id = $1)`, [teamId]);
  }

  /** Per person, the recorded values of their own ceiling, their teams' and the target groups' (kept by triggers). */
  async ceilingHistories(staffIds: string[]): Promise<Map<string, CeilingHistory>> {
    const [records, members] = await Promise.all([
      this.em.query<
        { scope: string; subject_id: string; ceiling: string | null; target_group_id: string | null; at: Date }[]
      >(
        `SELECT scope, subject_id, ceiling, target_group_id, at FROM caseload_ceiling_change
          WHERE (scope = 'staff' AND subject_id = ANY($1::text[]))
             OR (scope = 'team' AND subject_id IN (SELECT team_id::text FROM team_member WHERE staff_id = ANY($1::uuid[])))
             OR scope = 'target_group'
          ORDER BY at, id`,
        [staffIds],
      ),
      this.em.query<{ staff_id: string; team_id: string }[]>(
        `SELECT staff_id, team_id FROM team_member WHERE staff_id = ANY($1::uuid[])`,
        [staffIds],
      ),
    ]);
    const of = (scope: string) => {
      const bySubject = new Map<string, CeilingRecord[]>();
      for (const r of records.filter((x) => x.scope === scope)) {
        const list = bySubject.get(r.subject_id) ?? [];
        list.push({
          at: r.at,
          ceiling: r.ceiling === null ? null : Number(r.ceiling),
          targetGroupId: r.target_group_id,
        });
        bySubject.set(r.subject_id, list);
      }
      return bySubject;
    };
    const [people, teams, groups] = [of('staff'), of('team'), of('target_group')];
    const targetGroups = Object.fromEntries(groups);
    return new Map(
      staffIds.map((id) => [
        id,
        {
          person: people.get(id) ?? [],
          teams: members.filter((m) => m.staff_id === id).map((m) => teams.get(m.team_id) ?? []),
          targetGroups,
        },
      ]),
    );
  }

  /** Weighted cases opened and closed in the team since a moment (intake and closure rates). */
  async flows(
    teamId: string,
    since: Date,
  ): Promise<{ opened: { at: Date; weight: number }[]; closed: { at: Date; weight: number }[] }> {
    const rows: { kind: 'opened' | 'closed'; at: Date; weight: string }[] = await this.em.query(
      `SELECT 'opened' AS kind, opened_at AS at, weight FROM "case" WHERE team_id = $1 AND opened_at >= $2
       UNION ALL SELECT 'closed', closed_at, weight FROM "case" WHERE team_id = $1 AND closed_at >= $2`,
      [teamId, since],
    );
    const of = (kind: string) =>
      rows.filter((r) => r.kind === kind).map((r) => ({ at: r.at, weight: Number(r.weight) }));
    return { opened: of('opened'), closed: of('closed') };
  }

  /** The configured default weights per benefit (benefits without a row weigh 1). */
  async benefitWeights(): Promise<Map<string, number>> {
    const rows: { benefit: string; weight: string }[] = await this.em.query(
      `SELECT benefit, weight FROM benefit_weight`,
    );
    return new Map(rows.map((r) => [r.benefit, Number(r.weight)]));
  }

  /** Sets these benefits' weights (in the caller's transaction). */
  async setBenefitWeights(weights: { benefit: string; weight: number }[]): Promise<void> {
    await this.em.query(
      `INSERT INTO benefit_weight (benefit, weight)
       SELECT * FROM unnest($1::text[], $2::numeric[])
       ON CONFLICT (benefit) DO UPDATE SET weight = EXCLUDED.weight`,
      [weights.map((w) => w.benefit), weights.map((w) => w.weight)],
    );
  }
}
