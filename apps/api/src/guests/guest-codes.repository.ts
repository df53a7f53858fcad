import { Injectable } from '@nestjs/common';
import { LessThanOrEqual } from 'typeorm';
import { TransactionalRepository } from '../common/database/transactional-repository';
import { GuestCodeEntity, GuestVerificationEntity } from './guest-code.entity';

/** Pending one-time codes and the browsers that gave theirs (GuestCodes). */
@Injectable()
export class GuestCodesRepository extends TransactionalRepository {
  private readonly codes = this.repository(GuestCodeEntity);
  private readonly verifications = this.repository(GuestVerificationEntity);

  /** The participant's new code, replacing a pending one (and its count of tries). */
  async replaceCode(participantId: string, codeHash: Buffer, expiresAt: Date): Promise<void> {
    await this.em.query(
      `INSERT INTO guest_code (participant_id, code_hash, expires_at, attempts) VALUES ($1, $2, $3, 0)
       ON CONFLICT (participant_id) DO UPDATE
          SET code_hash = EXCLUDED.code_hash, expires_at = EXCLUDED.expires_at, attempts = 0, created_at = now()`,
      [participantId, codeHash, expiresAt],
    );
  }

  /**
   * Counts one try on the participant's pending code and returns its hash, in one statement so parallel tries
   * cannot exceed the limit; null when there is no code that is still valid and has tries left.
   */
  async tryCode(participantId: string, now: Date, maxAttempts: number): Promise<Buffer | null> {
    const rows: { code_hash: Buffer }[][] | { code_hash: Buffer }[] = await this.em.query(
      `UPDATE guest_code SET attempts = attempts + 1
        WHERE participant_id = $1 AND expires_at > $2 AND attempts < $3
        RETURNING code_hash`,
      [participantId, now, maxAttempts],
    );
    const list = (Array.isArray(rows[0]) ? rows[0] : rows) as { code_hash: Buffer }[];
    return list[0]?.code_hash ?? null;
  }

  async triesLeft(participantId: string, maxAttempts: number): Promise<number> {
    const row = await this.codes().findOne({ where: { participantId } });
    return row ? Math.max(0, maxAttempts - row.attempts) : 0;
  }

  async deleteCode(participantId: string): Promise<void> {
    await this.codes().delete({ participantId });
  }

  async addVerification(v: Omit<GuestVerificationEntity, 'participant'>): Promise<void> {
    await this.verifications().insert(v);
  }

  /** Whether this browser's secret verifies this link now. */
  async isVerified(tokenHash: Buffer, linkHash: Buffer, now: Date): Promise<boolean> {
    const rows: unknown[] = await this.em.query(
      `SELECT 1 FROM guest_verification WHERE token_hash = $1 AND link_hash = $2 AND expires_at > $3`,
      [tokenHash, linkHash, now],
    );
    return rows.length > 0;
  }

  async deleteEnded(now: Date): Promise<void> {
    await this.verifications().delete({ expiresAt: LessThanOrEqual(now) });
    await this.codes().delete({ expiresAt: LessThanOrEqual(now) });
  }
}
