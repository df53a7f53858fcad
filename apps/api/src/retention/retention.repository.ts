import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '../common/database/transactional-repository';

/** Finds the citizens due for anonymisation; each context then clears its own rows (RetentionService). */
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
}
