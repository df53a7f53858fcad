import { Inject } from '@nestjs/common';
import { OutboxMailList } from '@tvaers/contracts';
import type { StaffActor } from '../common/auth/actor';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Actor, StaffController } from '../common/auth/decorators';
import { Endpoint } from '../common/http/endpoint';
import { InvitationsRepository } from './invitations.repository';

@StaffController('invitations', 'outbox')
export class OutboxController {
  constructor(
    private readonly repo: InvitationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Need-to-know: only mails addressed to the caller (those to doctors and guests carry their personal links). */
  @Endpoint('GET', {
    summary:
      'Mails addressed to you that were kept instead of sent (`active`: no SMTP server configured), newest first',
    response: [200, OutboxMailList],
  })
  async listOutbox(@Actor() actor: StaffActor): Promise<OutboxMailList> {
    const rows = await this.repo.addressedTo(actor.id);
    return {
      active: !this.config.smtpUrl,
      items: rows.map((r) => ({
        id: r.id,
        meetingId: r.meetingId,
        recipient: r.recipient,
        subject: r.subject,
        text: r.text,
        ics: r.ics,
        createdAt: r.createdAt.toISOString(),
      })),
    };
  }
}
