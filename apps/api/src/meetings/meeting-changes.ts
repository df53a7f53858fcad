import { Injectable } from '@nestjs/common';
import { AccessService, type ChangeDone } from '../access/access.service';
import type { Grant } from '../access/grant';
import type { Permission } from '../access/permission';
import type { GuestActor, StaffActor } from '../common/auth/actor';
import { domainEvent } from '../common/events/domain-events';
import type { MeetingChange } from './meeting-mail-jobs';
import { MeetingMailService } from './meeting-mail.service';

/**
 * What a change of a meeting did: `change` names the news its participants get (null: nothing to tell); its
 * `events` are those besides that news (a participant's answer, notes shared).
 */
export interface MeetingChangeDone<T> extends ChangeDone<T> {
  meetingId: string;
  change: MeetingChange | null;
}

/**
 * The one path every change of a meeting takes (planning, moving, cancelling, a guest's choice, holding it):
 * checked and applied in one transaction with its access-log row (`access.change`); a change its participants
 * are told of raises the iCalendar SEQUENCE and queues its mail jobs in that same transaction, so the mails
 * exist exactly when the change does. Its events (`meeting.<change>` and the work's own) go out once the
 * transaction has committed (`access.change`).
 */
@Injectable()
export class MeetingChanges {
  constructor(
    private readonly access: AccessService,
    private readonly mail: MeetingMailService,
  ) {}

  async commit<T>(
    actor: StaffActor | GuestActor,
    permission: Permission,
    target: string,
    work: (grant: Grant) => Promise<MeetingChangeDone<T>>,
  ): Promise<T> {
    return this.access.change(actor, permission, target, async (grant) => {
      const out = await work(grant);
      if (out.change) await this.mail.queueChange(out.meetingId, out.change);
      const news = out.change ? [domainEvent(`meeting.${out.change}`, { meetingId: out.meetingId })] : [];
      return { result: out.result, audit: out.audit, events: [...(out.events ?? []), ...news] };
    });
  }
}
