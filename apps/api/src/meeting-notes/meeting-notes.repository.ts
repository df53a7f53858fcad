import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '../common/database/transactional-repository';
import { CASES_OF_CITIZENS } from '../citizens/anonymised';

/** The notes row's bookkeeping, read under its lock. */
export interface NotesHead {
  headSeq: number;
  snapshotSeq: number;
  pendingBytes: number;
  pendingCount: number;
  /** The snapshot's length in bytes. */
  snapshotBytes: number;
  /** The meeting's status: notes are written only while it can still take place. */
  status: string;
}

export interface NotesUpdateRow {
  seq: number;
  authorKind: 'staff' | 'guest' | 'system';
  authorId: string | null;
  authorName: string;
  clientIds: number[];
  update: Buffer;
  at: Date;
}

const toUpdate = (r: Record<string, unknown>): NotesUpdateRow => ({
  seq: Number(r.seq),
  authorKind: r.author_kind as NotesUpdateRow['authorKind'],
  authorId: r.author_id as string | null,
  authorName: r.author_name as string,
  clientIds: (r.client_ids as string[]).map(Number),
  update: r.update as Buffer,
  at: r.at as Date,
});

@Injectable()
export class MeetingNotesRepository extends TransactionalRepository {
  /** The notes' head, without locking (reads see committed writes); 0 before anything was written. */
  async head(meetingId: string): Promise<number> {
    const rows: { head_seq: string }[] = await this.em.query(
      `SELECT head_seq FROM meeting_notes WHERE meeting_id = $1`,
      [meetingId],
    );
    return Number(rows[0]?.head_seq ?? 0);
  }

  /**
   * The notes' row locked until the transaction ends (created empty first if missing), so one meeting's
   * writers append one after the other. Reads only the bookkeeping, not the document.
   */
  async lock(meetingId: string): Promise<NotesHead> {
    await this.em.query(
      `INSERT INTO meeting_notes (meeting_id, state) VALUES ($1, '\\x'::bytea) ON CONFLICT (meeting_id) DO NOTHING`,
      [meetingId],
    );
    const rows: Record<string, unknown>[] = await this.em.query(
      `SELECT n.head_seq, n.snapshot_seq, n.pending_bytes, n.pending_count, length(n.state) AS snapshot_bytes, m.status
         FROM meeting_notes n JOIN meeting m ON m.id = n.meeting_id WHERE n.meeting_id = $1 FOR UPDATE OF n`,
      [meetingId],
    );
    const r = rows[0];
    return {
      headSeq: Number(r.head_seq),
      snapshotSeq: Number(r.snapshot_seq),
      pendingBytes: Number(r.pending_bytes),
      pendingCount: Number(r.pending_count),
      snapshotBytes: Number(r.snapshot_bytes),
      status: r.status as string,
    };
  }

  async meetingStatus(meetingId: string): Promise<string | null> {
    const rows: { status: string }[] = await this.em.query(`SELECT status FROM meeting WHERE id = $1`, [meetingId]);
    return rows[0]?.status ?? null;
  }

  /** The snapshot and the sequence number it is up to (an empty document before anything was written). */
  async snapshot(meetingId: string): Promise<{ state: Buffer; seq: number }> {
    const rows: { state: Buffer; snapshot_seq: string }[] = await this.em.query(
      `SELECT state, snapshot_seq FROM meeting_notes WHERE meeting_id = $1`,
      [meetingId],
    );
    return { state: rows[0]?.state ?? Buffer.alloc(0), seq: Number(rows[0]?.snapshot_seq ?? 0) };
  }

  /** The history after `seq` (all of it from 0), oldest first, up to `until` when given. */
  async updates(meetingId: string, afterSeq: number, until?: number): Promise<NotesUpdateRow[]> {
    const rows: Record<string, unknown>[] = await this.em.query(
      `SELECT seq, author_kind, author_id, author_name, client_ids, update, at FROM meeting_notes_update
        WHERE meeting_id = $1 AND seq > $2 AND ($3::bigint IS NULL OR seq <= $3) ORDER BY seq`,
      [meetingId, afterSeq, until ?? null],
    );
    return rows.map(toUpdate);
  }

  /** Which author wrote under each Yjs client id in the meeting's notes. */
  async owners(meetingId: string): Promise<{ client: number; kind: string; id: string | null }[]> {
    const rows: { client: string; author_kind: string; author_id: string | null }[] = await this.em.query(
      `SELECT DISTINCT unnest(client_ids) AS client, author_kind, author_id FROM meeting_notes_update WHERE meeting_id = $1`,
      [meetingId],
    );
    return rows.map((r) => ({ client: Number(r.client), kind: r.author_kind, id: r.author_id }));
  }

  /** Appends one update to the history and moves the head; answers its sequence number. */
  async append(
    meetingId: string,
    author: { kind: 'staff' | 'guest'; id: string; name: string },
    clientIds: number[],
    update: Uint8Array,
  ): Promise<number> {
    // The statement is an UPDATE … RETURNING, which TypeORM answers as [rows, count].
    const [rows]: [{ seq: string }[], number] = await this.em.query(
      `WITH u AS (
         INSERT INTO meeting_notes_update (meeting_id, author_kind, author_id, author_name, client_ids, update)
         VALUES ($1, $2, $3, $4, $5::bigint[], $6) RETURNING seq)
       UPDATE meeting_notes n SET head_seq = u.seq, pending_bytes = n.pending_bytes + $7, pending_count = n.pending_count + 1,
              updated_at = now()
         FROM u WHERE n.meeting_id = $1 RETURNING u.seq`,
      [meetingId, author.kind, author.id, author.name, clientIds, Buffer.from(update), update.length],
    );
    return Number(rows[0].seq);
  }

  /** Replaces the snapshot with the merged document as of `seq` (compaction; the history stays). */
  async compact(meetingId: string, state: Uint8Array, seq: number): Promise<void> {
    await this.em.query(
      `UPDATE meeting_notes SET state = $2, snapshot_seq = $3,
              pending_bytes = (SELECT coalesce(sum(length(update)), 0) FROM meeting_notes_update WHERE meeting_id = $1 AND seq > $3),
              pending_count = (SELECT count(*) FROM meeting_notes_update WHERE meeting_id = $1 AND seq > $3)
        WHERE meeting_id = $1`,
      [meetingId, Buffer.from(state), seq],
    );
  }

  /** Retention: the notes go with their history (append-only against edits, not against their meeting's end). */
  async anonymiseCitizens(citizenIds: string[]): Promise<void> {
    const meetings = `SELECT id FROM meeting WHERE case_id IN (${CASES_OF_CITIZENS})`;
    await this.em.query(`DELETE FROM meeting_notes_update WHERE meeting_id IN (${meetings})`, [citizenIds]);
    await this.em.query(`DELETE FROM meeting_notes WHERE meeting_id IN (${meetings})`, [citizenIds]);
  }
}
