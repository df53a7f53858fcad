import { Injectable } from '@nestjs/common';
import type { CaseAssignment, CaseFilterQuery, CaseSort, ResponsibleTotal } from '@tvaers/contracts';
import { uuid } from '@tvaers/contracts';
import { compareDanish } from '@tvaers/domain';
import type { SelectQueryBuilder } from 'typeorm';
import { z } from 'zod';
import type { ListScope } from '../access/list-scope';
import { keysetAfter, type KeysetColumn } from '../common/database/keyset';
import { containsPattern } from '../common/database/sql';
import { TransactionalRepository } from '../common/database/transactional-repository';
import { CASES_OF_CITIZENS } from '../citizens/anonymised';
import type { CitizenEntity } from '../citizens/citizen.entity';
import { StaffEntity } from '../people/staff.entity';
import { CaseAssignmentEntity } from './case-assignment.entity';
import { CaseMemberEntity } from './case-member.entity';
import { CaseEntity } from './case.entity';

/** A colleague as a case shows them: no password hash, roles or contact data are loaded with a case. */
type Person = Pick<StaffEntity, 'id' | 'name' | 'discipline'>;

/** A case as read for its answer: only the citizen's and the people's columns the answer shows. */
export type CaseRow = Omit<CaseEntity, 'citizen' | 'citizenName' | 'responsible' | 'team'> & {
  citizen: Pick<CitizenEntity, 'id' | 'name' | 'cprBirth' | 'benefit'>;
  responsible: Person | null;
  members: (Pick<CaseMemberEntity, 'staffId' | 'role'> & { staff: Person })[];
};

/** A case row with its citizen's and responsible person's shown columns beside it, before they are nested. */
type CaseReadRow = Omit<CaseRow, 'citizen' | 'responsible'> & {
  citizenName: string;
  cprBirth: string | null;
  benefit: CitizenEntity['benefit'];
  responsibleName: string | null;
  responsibleDiscipline: StaffEntity['discipline'] | null;
};

/**
 * Cases as their answers show them, in one statement with the members as JSON: read for every listed case, so
 * without the ORM's query building and hydration (about half of a list request's CPU before).
 */
const CASE_READ = `SELECT k.id, k.citizen_id AS "citizenId", k.team_id AS "teamId", k.responsible_id AS "responsibleId",
         k.status, k.weight, k.close_reason AS "closeReason", k.close_outcome AS "closeOutcome",
         k.opened_at AS "openedAt", k.closed_at AS "closedAt", c.name AS "citizenName", c.cpr_birth AS "cprBirth",
         c.benefit, r.name AS "responsibleName", r.discipline AS "responsibleDiscipline",
         (SELECT COALESCE(json_agg(json_build_object('staffId', m.staff_id, 'role', m.role,
                   'staff', json_build_object('id', ms.id, 'name', ms.name, 'discipline', ms.discipline))
                   ORDER BY ms.name, m.staff_id), '[]')
            FROM case_member m JOIN staff ms ON ms.id = m.staff_id WHERE m.case_id = k.id) AS members
    FROM "case" k JOIN citizen c ON c.id = k.citizen_id LEFT JOIN staff r ON r.id = k.responsible_id`;

function toCaseRow({
  citizenName,
  cprBirth,
  benefit,
  responsibleName,
  responsibleDiscipline,
  ...k
}: CaseReadRow): CaseRow {
  return {
    ...k,
    citizen: { id: k.citizenId, name: citizenName, cprBirth, benefit },
    responsible: k.responsibleId
      ? { id: k.responsibleId, name: responsibleName!, discipline: responsibleDiscipline! }
      : null,
  };
}

/** Opening time to the millisecond: what a cursor carries exactly through JSON (a JS Date drops µs). */
const OPENED = `date_trunc('milliseconds', k.opened_at)`;
const isoInstant = z.iso.datetime();

/**
 * A case list's order (CaseQuery.sort): the sort column, then citizen name, newest and id, each non-null and
 * exact in JSON (no responsible person sorts as '', first ascending), and the shape of its cursor, which names
 * the order it was given out for so it is refused with another.
 */
export function caseListOrder(sort: CaseSort = 'citizen', order: 'asc' | 'desc' = 'asc'): CaseListOrder {
  const name = `${sort}.${order}`;
  // Built once per order: making zod schemas costs more than the rest of reading a page's ids.
  let built = listOrders.get(name);
  if (!built) listOrders.set(name, (built = buildListOrder(sort, order)));
  return built;
}

function buildListOrder(sort: CaseSort, order: 'asc' | 'desc') {
  const dir = order === 'desc' ? 'DESC' : 'ASC';
  const tag = z.literal(`${sort}.${order}`);
  const byName: KeysetColumn = { expr: 'k.citizen_name', dir: 'ASC' };
  const newest: KeysetColumn = { expr: OPENED, dir: 'DESC' };
  const byId: KeysetColumn = { expr: 'k.id', dir: 'ASC' };
  const orders = {
    citizen: {
      columns: [{ expr: 'k.citizen_name', dir }, newest, byId],
      key: z.tuple([tag, z.string(), isoInstant, uuid]),
    },
    responsible: {
      columns: [{ expr: `COALESCE(r.name, '')`, dir }, byName, newest, byId],
      key: z.tuple([tag, z.string(), z.string(), isoInstant, uuid]),
    },
    opened: { columns: [{ expr: OPENED, dir }, byName, byId], key: z.tuple([tag, isoInstant, z.string(), uuid]) },
    weight: {
      columns: [{ expr: 'k.weight', dir }, byName, newest, byId],
      key: z.tuple([tag, z.string().regex(/^\d{1,2}\.\d{2}$/), z.string(), isoInstant, uuid]),
    },
  } satisfies Record<CaseSort, { columns: KeysetColumn[]; key: z.ZodTuple }>;
  return { ...orders[sort], tag: tag.value };
}
export type CaseListOrder = ReturnType<typeof buildListOrder>;
const listOrders = new Map<string, CaseListOrder>();

/** A listed case's id with its sort key: the cursor's content when it ends a page. */
export interface CaseKeyRow {
  id: string;
  key: string[];
}

export type AssignmentInput = Pick<
  CaseAssignmentEntity,
  'caseId' | 'citizenId' | 'teamId' | 'fromStaffId' | 'toStaffId' | 'byStaffId' | 'reason' | 'weight'
>;

const listedTeams = (q: CaseFilterQuery) => [...(q.teamIds ?? []), ...(q.teamId ? [q.teamId] : [])];

/**
 * The predicate of the cases a list may show: none beside the team's for a list of the staff member's own teams
 * (it runs on the team's indexes), else the scope's, whole or in its disjoint parts.
 */
function visibleIn(scope: ListScope, q: CaseFilterQuery, inParts = false): string[] {
  if (scope.coversTeams(listedTeams(q))) return ['TRUE'];
  return inParts ? scope.caseParts('k') : [scope.cases('k')];
}

// The bench's bare baseline (tests/perf/baseline.mjs) runs these two from the build, as `totals` does.

/** The active people of some teams who could hold cases (caseworkers and health staff). */
export const CASE_HOLDERS_SQL = `SELECT DISTINCT s.id, s.name FROM staff s JOIN team_member tm ON tm.staff_id = s.id
  WHERE tm.team_id = ANY($1::uuid[]) AND s.active AND s.roles && ARRAY['caseworker','health']::text[]`;

interface ResponsibleSum {
  id: string | null;
  name: string | null;
  cases: string;
  weight: string | null;
}

/** Per responsible person, their sums, and the listed teams' people without any: no one first, then by name. */
export function responsibleTotals(staff: { id: string; name: string }[], sums: ResponsibleSum[]): ResponsibleTotal[] {
  const totals = new Map<string | null, ResponsibleTotal>();
  for (const s of staff) totals.set(s.id, { responsibleId: s.id, responsibleName: s.name, activeCases: 0, weight: 0 });
  for (const r of sums) {
    totals.set(r.id, {
      responsibleId: r.id,
      responsibleName: r.name,
      activeCases: Number(r.cases),
      weight: Number(r.weight ?? 0),
    });
  }
  return [...totals.values()].sort(
    (a, b) =>
      Number(a.responsibleId !== null) - Number(b.responsibleId !== null) ||
      compareDanish(a.responsibleName ?? '', b.responsibleName ?? ''),
  );
}

@Injectable()
export class CasesRepository extends TransactionalRepository {
  private readonly cases = this.repository(CaseEntity);

  async findById(id: string): Promise<CaseRow | null> {
    const rows: CaseReadRow[] = await this.em.query(`${CASE_READ} WHERE k.id = $1`, [id]);
    return rows.length ? toCaseRow(rows[0]) : null;
  }

  /**
   * The list's filters on a case (`k`) and its citizen (`c`) within `visible` (by default the whole scope);
   * totals leave out the responsible person and status.
   */
  private filter<T extends object>(
    qb: SelectQueryBuilder<T>,
    scope: ListScope,
    q: CaseFilterQuery,
    forTotals = false,
    visible = visibleIn(scope, q)[0],
  ): SelectQueryBuilder<T> {
    qb.where(visible, scope.params);
    if (q.teamId) qb.andWhere('k.team_id = :teamId', { teamId: q.teamId });
    // One team by `=`: PostgreSQL reads an index in its order for `=`, not for `= ANY` (a team's list by name).
    if (q.teamIds?.length === 1) qb.andWhere('k.team_id = :oneTeamId', { oneTeamId: q.teamIds[0] });
    else if (q.teamIds) qb.andWhere('k.team_id = ANY(:teamIds::uuid[])', { teamIds: q.teamIds });
    if (q.memberId) {
      qb.andWhere(
        '(k.responsible_id = :memberId OR EXISTS (SELECT 1 FROM case_member fm WHERE fm.case_id = k.id AND fm.staff_id = :memberId))',
        { memberId: q.memberId },
      );
    }
    if (q.benefit) qb.andWhere('c.benefit = :benefit', { benefit: q.benefit });
    if (q.ids) qb.andWhere('k.id = ANY(:ids::uuid[])', { ids: q.ids });
    if (q.q) qb.andWhere('c.name ILIKE :p', { p: containsPattern(q.q) });
    if (forTotals) return qb.andWhere(`k.status = 'active'`);
    if (q.responsibleId) qb.andWhere('k.responsible_id = :rid', { rid: q.responsibleId });
    if (q.status) qb.andWhere('k.status = :status', { status: q.status });
    return qb;
  }

  /**
   * Ids and sort keys of the cases within the actor's scope, filtered, in the list's order, after `after` (the
   * key of the page before, without its tag): one page, by keyset, without loading a case or its members.
   */
  async pageIds(
    scope: ListScope,
    q: CaseFilterQuery,
    order: CaseListOrder,
    after: readonly unknown[] | undefined,
    limit: number,
  ): Promise<CaseKeyRow[]> {
    const qb = this.filter(this.counting(q).leftJoin('k.responsible', 'r').select('k.id', 'id'), scope, q);
    order.columns.forEach((c, i) => qb.addSelect(c.expr, `key${i}`).addOrderBy(c.expr, c.dir));
    if (after) {
      const predicate = keysetAfter(order.columns, after);
      qb.andWhere(predicate.sql, predicate.params);
    }
    const rows: Record<string, unknown>[] = await qb.limit(limit).getRawMany();
    return rows.map((r) => ({
      id: r.id as string,
      key: order.columns.map((_, i) => {
        const v = r[`key${i}`];
        return v instanceof Date ? v.toISOString() : String(v);
      }),
    }));
  }

  /**
   * Cases to page or count, with their citizen only when a filter reads it (every case has one, so counts are the
   * same, and a case carries its citizen's name for sorting): a team's list then needs no citizen row per case.
   */
  private counting(q: CaseFilterQuery): SelectQueryBuilder<CaseEntity> {
    const qb = this.cases().createQueryBuilder('k');
    return q.benefit || q.q ? qb.innerJoin('k.citizen', 'c') : qb;
  }

  /** How many cases the whole filtered list has (the page's filters, no page). */
  async count(scope: ListScope, q: CaseFilterQuery): Promise<number> {
    const row = await this.filter(this.counting(q).select('count(*)', 'n'), scope, q).getRawOne<{ n: string }>();
    return Number(row?.n ?? 0);
  }

  /** The cases of these ids with their members, in the order of `ids`. */
  async findMany(ids: readonly string[]): Promise<CaseRow[]> {
    if (ids.length === 0) return [];
    const rows: CaseReadRow[] = await this.em.query(`${CASE_READ} WHERE k.id = ANY($1::uuid[])`, [ids]);
    const byId = new Map(rows.map((r) => [r.id, toCaseRow(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * Active cases and weight per responsible person (see the contract's ResponsibleTotal), by name: summed over each
   * disjoint part of the scope, so each part's sums read its own index.
   */
  async totals(scope: ListScope, q: CaseFilterQuery): Promise<ResponsibleTotal[]> {
    const parts = visibleIn(scope, q, true).map((visible) =>
      this.filter(
        this.counting(q)
          .select('k.responsible_id', 'id')
          .addSelect('count(*)', 'cases')
          .addSelect('sum(k.weight)', 'weight')
          .groupBy('k.responsible_id'),
        scope,
        q,
        true,
        visible,
      ),
    );
    const rows: ResponsibleSum[] = await this.em
      .createQueryBuilder()
      .select('t.id', 'id')
      .addSelect('(SELECT r.name FROM staff r WHERE r.id = t.id)', 'name')
      .addSelect('sum(t.cases)', 'cases')
      .addSelect('sum(t.weight)', 'weight')
      .from(`(${parts.map((p) => p.getQuery()).join(' UNION ALL ')})`, 't')
      .groupBy('t.id')
      .setParameters(Object.fromEntries(parts.flatMap((p) => Object.entries(p.getParameters()))))
      .getRawMany();
    // The listed teams' people who could hold cases count too, with none: a manager sees who has room.
    const teams = listedTeams(q).filter((id) => scope.params.scopeTeamIds.includes(id));
    const staff: { id: string; name: string }[] = teams.length ? await this.em.query(CASE_HOLDERS_SQL, [teams]) : [];
    return responsibleTotals(staff, rows);
  }

  /** A staff member's discipline and name (no lock), or null. */
  async staffById(staffId: string | null): Promise<StaffEntity | null> {
    return staffId ? this.em.getRepository(StaffEntity).findOneBy({ id: staffId }) : null;
  }

  /** The person's active cases, locked (deactivation hands them on), in id order so concurrent changes queue. */
  async lockActiveCasesOf(staffId: string): Promise<Pick<CaseEntity, 'id' | 'citizenId' | 'teamId' | 'weight'>[]> {
    const rows: { id: string; citizen_id: string; team_id: string; weight: string }[] = await this.em.query(
      `SELECT id, citizen_id, team_id, weight FROM "case" WHERE responsible_id = $1 AND status = 'active'
        ORDER BY id FOR UPDATE`,
      [staffId],
    );
    return rows.map((r) => ({ id: r.id, citizenId: r.citizen_id, teamId: r.team_id, weight: r.weight }));
  }

  /** Locks the case row: two assignments of one case are decided one after the other. */
  async lockCase(id: string): Promise<CaseEntity | null> {
    return this.cases().createQueryBuilder('k').where('k.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /**
   * Appends to the history at the moment of the change (clock time, not the transaction's start: a change that
   * waited for a lock is later than the one it waited for, and the load timeline is rebuilt in this order).
   */
  async recordAssignment(row: AssignmentInput): Promise<void> {
    await this.em.query(
      `INSERT INTO case_assignment (case_id, citizen_id, team_id, from_staff_id, to_staff_id, by_staff_id, reason, weight, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, clock_timestamp())`,
      [row.caseId, row.citizenId, row.teamId, row.fromStaffId, row.toStaffId, row.byStaffId, row.reason, row.weight],
    );
  }

  /** A case's assignment history, oldest first, with the names of the people involved. */
  async assignments(caseId: string): Promise<CaseAssignment[]> {
    const rows: {
      id: string;
      at: Date;
      team_id: string;
      from_staff_id: string | null;
      from_name: string | null;
      to_staff_id: string | null;
      to_name: string | null;
      by_staff_id: string | null;
      by_name: string | null;
      reason: string | null;
      weight: string;
    }[] = await this.em.query(
      `SELECT a.id, a.at, a.team_id, a.from_staff_id, f.name AS from_name, a.to_staff_id, t.name AS to_name,
              a.by_staff_id, b.name AS by_name, a.reason, a.weight
         FROM case_assignment a
         LEFT JOIN staff f ON f.id = a.from_staff_id LEFT JOIN staff t ON t.id = a.to_staff_id
         LEFT JOIN staff b ON b.id = a.by_staff_id
        WHERE a.case_id = $1 ORDER BY a.at, a.id`,
      [caseId],
    );
    return rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      teamId: r.team_id,
      fromStaffId: r.from_staff_id,
      fromName: r.from_name,
      toStaffId: r.to_staff_id,
      toName: r.to_name,
      byStaffId: r.by_staff_id,
      byName: r.by_name,
      reason: r.reason,
      weight: Number(r.weight),
    }));
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

  /** Retention: the reasons given for assignments and closing go (citizens anonymised in the caller's transaction). */
  async anonymiseCitizens(citizenIds: string[]): Promise<void> {
    const q = (sql: string) => this.em.query(sql, [citizenIds]);
    const cases = CASES_OF_CITIZENS;
    await q(`UPDATE case_assignment SET reason = NULL WHERE case_id IN (${cases})`);
    await q(`UPDATE "case" SET close_reason = NULL WHERE id IN (${cases})`);
  }
}
