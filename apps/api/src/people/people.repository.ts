import { Injectable } from '@nestjs/common';
import type { Discipline, Role } from '@tvaers/contracts';
import { TransactionalRepository } from '../common/database/transactional-repository';
import { StaffEntity } from './staff.entity';

export interface StaffAccountRow {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  discipline: Discipline;
  phone: string | null;
  active: boolean;
  created_at: Date;
  teams: { id: string; name: string }[];
  active_cases: number;
}

export interface TeamRow {
  id: string;
  name: string;
  municipality: string;
  member_count: number;
}

export interface NewStaff {
  email: string;
  name: string;
  roles: Role[];
  discipline: Discipline;
  phone?: string | null;
  passwordHash: string;
}

const STAFF_SQL = `SELECT s.id, s.email, s.name, s.roles, s.discipline, s.phone, s.active, s.created_at,
    (SELECT count(*)::int FROM "case" k WHERE k.responsible_id = s.id AND k.status = 'active') AS active_cases,
    COALESCE(json_agg(json_build_object('id', t.id, 'name', t.name) ORDER BY t.name) FILTER (WHERE t.id IS NOT NULL), '[]') AS teams
  FROM staff s LEFT JOIN team_member tm ON tm.staff_id = s.id LEFT JOIN team t ON t.id = tm.team_id`;

/** Staff, teams and set-password links; works in the caller's transaction (AccessService.adminChange). */
@Injectable()
export class PeopleRepository extends TransactionalRepository {
  private readonly staff = this.repository(StaffEntity);

  findActiveByEmail(email: string): Promise<StaffEntity | null> {
    return this.staff().findOne({
      where: { email: email.toLowerCase(), active: true },
      relations: { teams: true },
    });
  }

  findActiveBySubject(subject: string): Promise<StaffEntity | null> {
    return this.staff().findOne({ where: { oidcSubject: subject, active: true }, relations: { teams: true } });
  }

  /** Keeps the identity provider's subject with a person who has none yet; false when they have one or it is taken. */
  async bindOidcSubject(id: string, subject: string): Promise<boolean> {
    const rows: unknown[] = await this.em.query(
      `WITH bound AS (UPDATE staff SET oidc_subject = $2 WHERE id = $1 AND oidc_subject IS NULL
          AND NOT EXISTS (SELECT 1 FROM staff WHERE oidc_subject = $2) RETURNING id) SELECT id FROM bound`,
      [id, subject],
    );
    return rows.length === 1;
  }

  listStaff(): Promise<StaffAccountRow[]> {
    return this.em.query(`${STAFF_SQL} GROUP BY s.id ORDER BY s.active DESC, s.name, s.id`);
  }

  async findStaff(id: string): Promise<StaffAccountRow | null> {
    const rows: StaffAccountRow[] = await this.em.query(`${STAFF_SQL} WHERE s.id = $1 GROUP BY s.id`, [id]);
    return rows[0] ?? null;
  }

  /** The new person's id, or null when the e-mail is taken (active or not). */
  async insertStaff(s: NewStaff): Promise<string | null> {
    const rows: { id: string }[] = await this.em.query(
      `INSERT INTO staff (email, name, password_hash, roles, discipline, phone) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [s.email.toLowerCase(), s.name, s.passwordHash, s.roles, s.discipline, s.phone ?? null],
    );
    return rows[0]?.id ?? null;
  }

  /** Locks the person's row for the change; false when there is no such person. */
  async lockStaff(id: string): Promise<boolean> {
    const rows: unknown[] = await this.em.query(`SELECT 1 FROM staff WHERE id = $1 FOR UPDATE`, [id]);
    return rows.length > 0;
  }

  async updateStaff(
    id: string,
    patch: Partial<{ name: string; roles: Role[]; discipline: Discipline; phone: string | null; active: boolean }>,
  ): Promise<void> {
    // Fields left out arrive as undefined: only the given ones are set (a teams-only change sets none here).
    const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    if (Object.keys(given).length) await this.staff().update({ id }, given);
  }

  async setTeams(staffId: string, teamIds: string[]): Promise<void> {
    await this.em.query(`DELETE FROM team_member WHERE staff_id = $1 AND NOT (team_id = ANY($2::uuid[]))`, [
      staffId,
      teamIds,
    ]);
    await this.em.query(
      `INSERT INTO team_member (staff_id, team_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [staffId, teamIds],
    );
  }

  /**
   * The active administrators, their rows locked in a fixed order: two administrators demoting each other
   * at once are serialised, and the second sees the first's change.
   */
  async lockActiveAdmins(): Promise<string[]> {
    const rows: { id: string }[] = await this.em.query(
      `SELECT id FROM staff WHERE active AND 'admin' = ANY(roles) ORDER BY id FOR UPDATE`,
    );
    return rows.map((r) => r.id);
  }

  async existingTeams(ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string }[] = await this.em.query(`SELECT id FROM team WHERE id = ANY($1::uuid[])`, [ids]);
    return rows.map((r) => r.id);
  }

  listTeams(): Promise<TeamRow[]> {
    return this.em.query(
      `SELECT t.id, t.name, t.municipality,
              (SELECT count(*)::int FROM team_member tm JOIN staff s ON s.id = tm.staff_id AND s.active WHERE tm.team_id = t.id) AS member_count
         FROM team t ORDER BY t.name, t.id`,
    );
  }

  /** The municipality most teams belong to (one installation serves one municipality). */
  async usualMunicipality(): Promise<string | null> {
    const rows: { municipality: string }[] = await this.em.query(
      `SELECT municipality FROM team GROUP BY municipality ORDER BY count(*) DESC, municipality LIMIT 1`,
    );
    return rows[0]?.municipality ?? null;
  }

  /** The new team's id, or null when a team of that name exists in the municipality. */
  async insertTeam(name: string, municipality: string): Promise<string | null> {
    const rows: { id: string }[] = await this.em.query(
      `INSERT INTO team (name, municipality) SELECT $1, $2
        WHERE NOT EXISTS (SELECT 1 FROM team WHERE lower(name) = lower($1) AND municipality = $2) RETURNING id`,
      [name, municipality],
    );
    return rows[0]?.id ?? null;
  }

  async savePasswordToken(
    staffId: string,
    tokenHash: Buffer,
    expiresAt: Date,
    issuedByName: string | null,
  ): Promise<void> {
    await this.em.query(
      `INSERT INTO password_token (staff_id, token_hash, expires_at, issued_by_name) VALUES ($1, $2, $3, $4)
       ON CONFLICT (staff_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, expires_at = EXCLUDED.expires_at,
         issued_by_name = EXCLUDED.issued_by_name, created_at = now()`,
      [staffId, tokenHash, expiresAt, issuedByName],
    );
  }

  /** The notice of who issued the link the password was last set through; cleared as it is read (told once). */
  async takePasswordNotice(staffId: string): Promise<{ byName: string; at: Date } | null> {
    const rows: { by_name: string | null; at: Date | null }[] = await this.em.query(
      // The UPDATE in a CTE: TypeORM answers a bare UPDATE with [rows, count].
      `WITH old AS (SELECT id, password_notice_by, password_notice_at FROM staff WHERE id = $1 FOR UPDATE),
       cleared AS (UPDATE staff s SET password_notice_by = NULL, password_notice_at = NULL FROM old
         WHERE s.id = old.id AND old.password_notice_by IS NOT NULL
         RETURNING old.password_notice_by AS by_name, old.password_notice_at AS at)
       SELECT * FROM cleared`,
      [staffId],
    );
    const row = rows[0];
    return row?.by_name && row.at ? { byName: row.by_name, at: row.at } : null;
  }

  /**
   * Locks a link for the caller's transaction (a second use of it waits, then finds it gone): whether it is
   * known, unexpired and for an active person. Looked up before any password is hashed.
   */
  async lockPasswordToken(tokenHash: Buffer, now: Date): Promise<boolean> {
    const rows: { live: boolean }[] = await this.em.query(
      `SELECT (p.expires_at > $2 AND s.active) AS live FROM password_token p JOIN staff s ON s.id = p.staff_id
        WHERE p.token_hash = $1 FOR UPDATE OF p`,
      [tokenHash, now],
    );
    return rows[0]?.live ?? false;
  }

  /** Uses up a link (whether or not it is still valid): the person it was for, if it is live and they are active. */
  async takePasswordToken(tokenHash: Buffer, now: Date): Promise<{ id: string; name: string } | null> {
    const rows: { staff_id: string; name: string; live: boolean }[] = await this.em.query(
      // In a CTE: TypeORM answers a bare DELETE with [rows, count]. A link an administrator issued is told to the
      // person at their next login (password_notice_*); a link of the create-admin command (no issuer) is not.
      `WITH used AS (DELETE FROM password_token p USING staff s WHERE p.token_hash = $1 AND s.id = p.staff_id
         RETURNING p.staff_id, s.name, (p.expires_at > $2 AND s.active) AS live, p.issued_by_name, p.created_at),
       noted AS (UPDATE staff s SET password_notice_by = u.issued_by_name, password_notice_at = u.created_at
         FROM used u WHERE s.id = u.staff_id AND u.live RETURNING s.id)
       SELECT * FROM used`,
      [tokenHash, now],
    );
    const row = rows[0];
    return row?.live ? { id: row.staff_id, name: row.name } : null;
  }

  async deletePasswordToken(staffId: string): Promise<void> {
    await this.em.query(`DELETE FROM password_token WHERE staff_id = $1`, [staffId]);
  }

  async setPasswordHash(staffId: string, passwordHash: string): Promise<void> {
    await this.staff().update({ id: staffId }, { passwordHash });
  }

  async setTeamCaseload(teamId: string, targetGroupId: string | null, ceiling: number | null): Promise<void> {
    await this.em.query(`UPDATE team SET target_group_id = $2, caseload_ceiling = $3 WHERE id = $1`, [
      teamId,
      targetGroupId,
      ceiling,
    ]);
  }

  async setPersonalCeiling(staffId: string, ceiling: number | null): Promise<void> {
    await this.em.query(`UPDATE staff SET caseload_ceiling = $2 WHERE id = $1`, [staffId, ceiling]);
  }
}
