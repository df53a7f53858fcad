import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '../common/database/transactional-repository';

type Row = Record<string, unknown>;

/** Tables keyed by the citizen's cases; the export lists each in full (binary columns apart). */
const BY_CASE = {
  planVersions: 'plan_version',
  efforts: 'effort',
  meetings: 'meeting',
  healthStatements: 'health_statement',
  ownAssessments: 'own_assessment',
  requests: 'citizen_request',
  exemptions: 'exemption',
  indicatorScores: 'indicator_score',
  members: 'case_member',
  assignments: 'case_assignment',
} as const;
export type CaseTableKey = keyof typeof BY_CASE;

/** Everything stored on one citizen, read as rows for the art. 15 export. */
@Injectable()
export class CitizenExportRepository extends TransactionalRepository {
  private rows(sql: string, params: unknown[]): Promise<Row[]> {
    return this.em
      .query(`SELECT to_jsonb(x) AS row FROM (${sql}) x`, params)
      .then((r: { row: Row }[]) => r.map((x) => x.row));
  }

  async citizen(citizenId: string): Promise<Row | null> {
    // The encrypted CPR and its hash are replaced by the CPR itself (the service adds it).
    const [row]: { row: Row }[] = await this.em.query(
      `SELECT to_jsonb(c) - 'cpr_encrypted' - 'cpr_hash' AS row FROM citizen c WHERE c.id = $1`,
      [citizenId],
    );
    return row?.row ?? null;
  }

  async cprOf(citizenId: string): Promise<Buffer | null> {
    const [row]: { cpr_encrypted: Buffer | null }[] = await this.em.query(
      `SELECT cpr_encrypted FROM citizen WHERE id = $1`,
      [citizenId],
    );
    return row?.cpr_encrypted ?? null;
  }

  cases(citizenId: string): Promise<Row[]> {
    return this.rows(`SELECT * FROM "case" WHERE citizen_id = $1 ORDER BY opened_at`, [citizenId]);
  }

  byCase(key: CaseTableKey, citizenId: string): Promise<Row[]> {
    return this.rows(`SELECT t.* FROM ${BY_CASE[key]} t JOIN "case" k ON k.id = t.case_id WHERE k.citizen_id = $1`, [
      citizenId,
    ]);
  }

  decisions(citizenId: string): Promise<Row[]> {
    return this.rows(
      `SELECT d.* FROM meeting_decision d JOIN meeting m ON m.id = d.meeting_id JOIN "case" k ON k.id = m.case_id
        WHERE k.citizen_id = $1`,
      [citizenId],
    );
  }

  consents(citizenId: string): Promise<Row[]> {
    return this.rows(`SELECT * FROM consent WHERE citizen_id = $1`, [citizenId]);
  }

  accessLog(citizenId: string): Promise<Row[]> {
    return this.rows(`SELECT * FROM audit_entry WHERE citizen_id = $1 ORDER BY at, id`, [citizenId]);
  }

  /** Each meeting's notes as stored: the snapshot and every update since (applying one twice changes nothing). */
  async notes(citizenId: string): Promise<{ meetingId: string; updates: Buffer[] }[]> {
    const rows: { meeting_id: string; state: Buffer | null; updates: Buffer[] | null }[] = await this.em.query(
      `SELECT m.id AS meeting_id, n.state,
              (SELECT array_agg(u."update" ORDER BY u.seq) FROM meeting_notes_update u WHERE u.meeting_id = m.id) AS updates
         FROM meeting m JOIN "case" k ON k.id = m.case_id LEFT JOIN meeting_notes n ON n.meeting_id = m.id
        WHERE k.citizen_id = $1`,
      [citizenId],
    );
    return rows.map((r) => ({
      meetingId: r.meeting_id,
      updates: [...(r.state ? [r.state] : []), ...(r.updates ?? [])],
    }));
  }
}
