import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '../common/database/transactional-repository';
import { OutboxMailEntity } from './outbox.entity';

/** Keeps the outbox; the meeting itself is read through MeetingsService. */
@Injectable()
export class InvitationsRepository extends TransactionalRepository {
  private readonly outbox = this.repository(OutboxMailEntity);

  async keep(mail: Omit<OutboxMailEntity, 'id' | 'createdAt' | 'meeting'>): Promise<void> {
    await this.outbox().insert(mail);
  }

  /** The mails kept for one staff member, newest first. */
  addressedTo(staffId: string, limit = 100): Promise<OutboxMailEntity[]> {
    return this.outbox().find({ where: { staffId }, order: { createdAt: 'DESC' }, take: limit });
  }
}
