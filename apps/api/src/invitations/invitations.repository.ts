import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '../common/database/transactional-repository';
import { OutboxMailEntity } from './outbox.entity';

/** Raises a meeting's SEQUENCE and keeps the outbox; the meeting itself is read through MeetingsService. */
@Injectable()
export class InvitationsRepository extends TransactionalRepository {
  private readonly outbox = this.repository(OutboxMailEntity);

  /** Raises the meeting's iCalendar SEQUENCE; the new value, or null when the meeting is gone. */
  async nextSequence(meetingId: string): Promise<number | null> {
    const rows: { sequence: number }[][] | { sequence: number }[] = await this.em.query(
      `UPDATE meeting SET sequence = sequence + 1 WHERE id = $1 RETURNING sequence`,
      [meetingId],
    );
    const list = (Array.isArray(rows[0]) ? rows[0] : rows) as { sequence: number }[];
    return list[0]?.sequence ?? null;
  }

  async keep(mail: Omit<OutboxMailEntity, 'id' | 'createdAt' | 'meeting'>): Promise<void> {
    await this.outbox().insert(mail);
  }

  /** The mails kept for one staff member, newest first. */
  addressedTo(staffId: string, limit = 100): Promise<OutboxMailEntity[]> {
    return this.outbox().find({ where: { staffId }, order: { createdAt: 'DESC' }, take: limit });
  }
}
