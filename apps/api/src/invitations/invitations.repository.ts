import { Injectable } from '@nestjs/common';
import { TransactionalRepository } from '../common/database/transactional-repository';
import { OutboxMailEntity } from './outbox.entity';
import { CASES_OF_CITIZENS } from '../citizens/anonymised';

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

  /** Retention: the mails about their meetings go. */
  async anonymiseCitizens(citizenIds: string[]): Promise<void> {
    await this.em.query(
      `DELETE FROM mail_outbox WHERE meeting_id IN (SELECT id FROM meeting WHERE case_id IN (${CASES_OF_CITIZENS}))`,
      [citizenIds],
    );
  }
}
