import { Injectable } from '@nestjs/common';
import type { Discipline } from '@tvaers/contracts';
import { TransactionalRepository } from '../common/database/transactional-repository';
import { CaseMemberEntity } from './case-member.entity';

/** A colleague of the case's team and where they stand on the case. */
export interface TeamColleague {
  staffId: string;
  name: string;
  discipline: Discipline;
  /** Responsible for the case or a named member. */
  onCase: boolean;
}

/** Staff who can work on cases: caseworkers and health staff (not managers alone, never an administrator). */
const WORKING = `s.active AND s.roles && ARRAY['caseworker','health']::text[] AND NOT 'admin' = ANY(s.roles)`;

@Injectable()
export class CaseMembersRepository extends TransactionalRepository {
  private readonly members = this.repository(CaseMemberEntity);

  /** The active working staff of the case's team, with whether each is on the case; by name. */
  async teamColleagues(caseId: string, staffId?: string): Promise<TeamColleague[]> {
    const rows: { id: string; name: string; discipline: Discipline; on_case: boolean }[] = await this.em.query(
      `SELECT s.id, s.name, s.discipline,
              (s.id = k.responsible_id
               OR EXISTS (SELECT 1 FROM case_member m WHERE m.case_id = k.id AND m.staff_id = s.id)) AS on_case
         FROM "case" k
         JOIN team_member tm ON tm.team_id = k.team_id
         JOIN staff s ON s.id = tm.staff_id
        WHERE k.id = $1 AND ${WORKING} AND ($2::uuid IS NULL OR s.id = $2::uuid)
        ORDER BY s.name, s.id`,
      [caseId, staffId ?? null],
    );
    return rows.map((r) => ({ staffId: r.id, name: r.name, discipline: r.discipline, onCase: r.on_case }));
  }

  /** Whether the staff member is responsible for the case or a named member of it, and their discipline. */
  async standing(caseId: string, staffId: string): Promise<{ discipline: Discipline; onCase: boolean } | null> {
    const rows: { discipline: Discipline; on_case: boolean }[] = await this.em.query(
      `SELECT s.discipline,
              (s.id = (SELECT responsible_id FROM "case" WHERE id = $1)
               OR EXISTS (SELECT 1 FROM case_member m WHERE m.case_id = $1 AND m.staff_id = s.id)) AS on_case
         FROM staff s WHERE s.id = $2`,
      [caseId, staffId],
    );
    return rows[0] ? { discipline: rows[0].discipline, onCase: rows[0].on_case } : null;
  }

  /** Whether a named member was there to remove. */
  async remove(caseId: string, staffId: string): Promise<boolean> {
    // TypeORM answers a DELETE with [rows, count].
    const [, count]: [unknown[], number] = await this.em.query(
      `DELETE FROM case_member WHERE case_id = $1 AND staff_id = $2`,
      [caseId, staffId],
    );
    return count > 0;
  }

  async set(caseId: string, staffId: string, role: string): Promise<void> {
    await this.members().upsert({ caseId, staffId, role }, ['caseId', 'staffId']);
  }
}
