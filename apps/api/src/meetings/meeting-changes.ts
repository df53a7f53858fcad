import { Injectable } from '@nestjs/common';
import { type ChangeAudit, AccessService } from '../access/access.service';
import type { Grant } from '../access/grant';
import type { Permission } from '../access/permission';
import type { GuestActor, StaffActor } from '../common/auth/actor';
import { type DomainEventMap, DomainEvents } from '../common/events/domain-events';
import type { MeetingChange } from './meeting-mail-jobs';
import { MeetingMailService } from './meeting-mail.service';

/** An event that follows a committed change, with its payload. */
type Emitted = { [K in keyof DomainEventMap]: [K, DomainEventMap[K]] }[keyof DomainEventMap];

/** What a change of a meeting did: `change` names the news its participants get (null: nothing to tell). */
export interface ChangeDone<T> {
  meetingId: string;
  change: MeetingChange | null;
  result: T;
  audit?: ChangeAudit;
  /** Events of other aggregates the change made (the plan version of a held meeting's decisions). */
  also?: Emitted[];
}

/**
 * The one path every change of a meeting takes (planning, moving, cancelling, a guest's choice, holding it):
 * checked and applied in one transaction with its access-log row (`access.change`); a change its participants
 * are told of raises the iCalendar SEQUENCE and queues its mail jobs in that same transaction, so the mails
 * exist exactly when the change does. Its events (realtime pushes) follow once the transaction has committed.
 */
@Injectable()
export class MeetingChanges {
  constructor(
    private readonly access: AccessService,
    private readonly events: DomainEvents,
    private readonly mail: MeetingMailService,
  ) {}

  async commit<T>(
    actor: StaffActor | GuestActor,
    permission: Permission,
    target: string,
    work: (grant: Grant) => Promise<ChangeDone<T>>,
  ): Promise<T> {
    const done = await this.access.change(actor, permission, target, async (grant) => {
      const out = await work(grant);
      if (out.change) await this.mail.queueChange(out.meetingId, out.change);
      return { result: out, audit: out.audit };
    });
    for (const [event, payload] of done.also ?? []) this.events.emit(event, payload);
    if (done.change) this.events.emit(`meeting.${done.change}`, { meetingId: done.meetingId });
    return done.result;
  }
}
