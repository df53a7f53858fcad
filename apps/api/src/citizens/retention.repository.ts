import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '../common/database/transactional-repository';
import { ANONYMOUS_NAME, REDACTED } from './anonymised';

/**
 * The statements of the retention job (RetentionService), each in its caller's transaction. What goes: everything
 * that names or describes the citizen (name, CPR, contact details, plan text, efforts', requests', exemptions',
 * meetings' and health statements' text, the notes, guests' details, mails, guest links). What stays: ids, dates,
 * statuses, kinds and scores (the unit's figures), staff names, and the access log, untouched.
 */
@Injectable()
export class RetentionRepository extends TransactionalRepository {
  /**
   * Up to `limit` citizens due: some case, none of them still active, the last closed before `closedBefore`; locked
   * for this transaction, skipping any another run (or a change) holds, so two runs never share a citizen.
   */
  async lockDue(closedBefore: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.em.query(
      `SELECT c.id FROM citizen c
        WHERE c.anonymised_at IS NULL
          AND EXISTS (SELECT 1 FROM "case" k WHERE k.citizen_id = c.id)
          AND NOT EXISTS (SELECT 1 FROM "case" k WHERE k.citizen_id = c.id
                           AND (k.status <> 'closed' OR k.closed_at IS NULL OR k.closed_at >= $1))
        ORDER BY c.id LIMIT $2
        FOR UPDATE OF c SKIP LOCKED`,
      [closedBefore, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Removes the personal data of these citizens (locked by `lockDue`); the ids of those anonymised. */
  async anonymise(due: string[]): Promise<string[]> {
    if (due.length === 0) return [];
    // The citizen first, and only while no case was opened meanwhile (none is ever opened for an anonymised one).
    const [rows]: [{ id: string }[], number] = await this.em.query(
      `UPDATE citizen c SET name = '${ANONYMOUS_NAME}', email = NULL, phone = NULL, cpr_encrypted = NULL,
              cpr_hash = NULL, cpr_birth = NULL, anonymised_at = now(), updated_at = now()
        WHERE c.id = ANY($1::uuid[]) AND c.anonymised_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM "case" k WHERE k.citizen_id = c.id AND k.status <> 'closed')
        RETURNING c.id`,
      [due],
    );
    const citizenIds = rows.map((r) => r.id);
    if (citizenIds.length === 0) return [];
    const q = (sql: string) => this.em.query(sql, [citizenIds]);
    const cases = `SELECT id FROM "case" WHERE citizen_id = ANY($1::uuid[])`;
    const meetings = `SELECT id FROM meeting WHERE case_id IN (${cases})`;
    const participants = `SELECT id FROM meeting_participant WHERE meeting_id IN (${meetings})`;
    // Guest links end first: nothing can be read through them while the rest is removed.
    await q(`DELETE FROM guest_link WHERE participant_id IN (${participants})`);
    await q(`DELETE FROM guest_code WHERE participant_id IN (${participants})`);
    await q(`DELETE FROM guest_verification WHERE participant_id IN (${participants})`);
    await q(`DELETE FROM mail_outbox WHERE meeting_id IN (${meetings})`);
    // The notes' history is append-only against edits; it goes with its text, as it would with its meeting.
    await q(`DELETE FROM meeting_notes_update WHERE meeting_id IN (${meetings})`);
    await q(`DELETE FROM meeting_notes WHERE meeting_id IN (${meetings})`);
    await q(
      `UPDATE meeting_participant SET name = '${REDACTED}', email = NULL, phone = NULL, clinic = NULL, role = NULL
        WHERE meeting_id IN (${meetings}) AND kind <> 'staff'`,
    );
    await q(
      `UPDATE meeting SET title = '${REDACTED}', location = NULL, video_url = NULL, agenda = '{}', summary = NULL
        WHERE id IN (${meetings})`,
    );
    await q(`UPDATE meeting_decision SET text = '${REDACTED}' WHERE meeting_id IN (${meetings})`);
    await q(
      `UPDATE health_statement SET doctor_name = '${REDACTED}', assessment = '${REDACTED}',
              recommendations = '${REDACTED}', restrictions = NULL
        WHERE case_id IN (${cases})`,
    );
    await q(`UPDATE own_assessment SET text = '${REDACTED}' WHERE case_id IN (${cases})`);
    await q(`UPDATE consent SET note = NULL WHERE citizen_id = ANY($1::uuid[])`);
    return citizenIds;
  }
}
