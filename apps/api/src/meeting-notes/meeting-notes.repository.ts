import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '../common/database/transactional-repository';

@Injectable()
export class MeetingNotesRepository extends TransactionalRepository {
  async state(meetingId: string): Promise<Buffer | null> {
    const rows: { state: Buffer }[] = await this.em.query(`SELECT state FROM meeting_notes WHERE meeting_id = $1`, [
      meetingId,
    ]);
    return rows[0]?.state ?? null;
  }

  /**
   * The stored state, its row locked until the transaction ends (created empty first if missing), so
   * writers of one meeting's notes merge one after the other and none overwrites another's text.
   */
  async lock(meetingId: string): Promise<Buffer> {
    await this.em.query(
      `INSERT INTO meeting_notes (meeting_id, state) VALUES ($1, '\\x'::bytea) ON CONFLICT (meeting_id) DO NOTHING`,
      [meetingId],
    );
    const rows: { state: Buffer }[] = await this.em.query(
      `SELECT state FROM meeting_notes WHERE meeting_id = $1 FOR UPDATE`,
      [meetingId],
    );
    return rows[0].state;
  }

  async save(meetingId: string, state: Uint8Array): Promise<void> {
    await this.em.query(`UPDATE meeting_notes SET state = $2, updated_at = now() WHERE meeting_id = $1`, [
      meetingId,
      Buffer.from(state),
    ]);
  }
}
