import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import { type DomainEventMap, OnDomainEvent } from '../common/events/domain-events';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { GuestsService } from '../guests/guests.service';
import { MailTransport } from '../mail/mail-transport';
import { MeetingsService } from '../meetings/meetings.service';
import { composeMail, type MailReason } from './invitation-mail';
import { InvitationsRepository } from './invitations.repository';
import { JobQueue, Queues } from './job-queue';

/** One mail to one participant about one version (sequence) of a meeting. */
interface MailJob {
  meetingId: string;
  participantId: string;
  sequence: number;
  reason: MailReason;
  /**
   * Where the mail goes, as the queuing process is set up (SMTP_URL or the outbox): every process takes jobs from
   * the one queue, and a mail must not change its way because another process sent it.
   */
  delivery?: 'smtp' | 'outbox';
}

interface ReminderJob {
  meetingId: string;
  sequence: number;
}

const DAY_MS = 24 * 3600_000;

/** The key of a meeting version's reminder: a move gives a new one, and the old one finds its sequence stale. */
export const reminderKey = (meetingId: string, sequence: number) => `${meetingId}:${sequence}`;

/**
 * Invitations (issue 13 items 6–7): each change of a meeting raises its SEQUENCE and queues one mail per
 * participant with an address; a worker sends it over SMTP (retried on failure) or, without SMTP_URL, keeps it
 * in the outbox. A scheduled or moved meeting gets a reminder job due 24 hours before its start.
 */
@Injectable()
export class InvitationsService implements OnApplicationBootstrap {
  private readonly transport: Transporter | null;

  constructor(
    private readonly repo: InvitationsRepository,
    private readonly jobs: JobQueue,
    private readonly guests: GuestsService,
    private readonly meetings: MeetingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    mail: MailTransport,
  ) {
    this.transport = mail.transport;
    if (config.jobWorkers) {
      jobs.work<MailJob>(Queues.mail, (job) => this.deliver(job));
      jobs.work<ReminderJob>(Queues.reminder, (job) => this.remind(job));
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.startWorkers();
  }

  @OnDomainEvent('meeting.scheduled')
  scheduled(e: DomainEventMap['meeting.scheduled']) {
    return this.changed(e.meetingId, 'scheduled');
  }

  @OnDomainEvent('meeting.proposed')
  proposed(e: DomainEventMap['meeting.proposed']) {
    return this.changed(e.meetingId, 'proposed');
  }

  @OnDomainEvent('meeting.moved')
  moved(e: DomainEventMap['meeting.moved']) {
    return this.changed(e.meetingId, 'moved');
  }

  @OnDomainEvent('meeting.held')
  held(e: DomainEventMap['meeting.held']) {
    return this.changed(e.meetingId, 'held');
  }

  @OnDomainEvent('meeting.cancelled')
  cancelled(e: DomainEventMap['meeting.cancelled']) {
    return this.changed(e.meetingId, 'cancelled');
  }

  /** "Nyt link": the participant's new link is mailed to them (one mail, the meeting's version unchanged). */
  @OnDomainEvent('guest.link.replaced')
  async linkReplaced(e: DomainEventMap['guest.link.replaced']): Promise<void> {
    const m = await this.meetings.forMail(e.meetingId);
    if (!m || !m.participants.some((p) => p.id === e.participantId && p.email)) return;
    const job: MailJob = {
      meetingId: m.id,
      participantId: e.participantId,
      sequence: m.sequence,
      reason: 'link',
      delivery: this.delivery(),
    };
    await this.jobs.send(Queues.mail, `${m.id}:${m.sequence}:link:${e.participantId}:${Date.now()}`, job);
  }

  /** Queues the mails (and the reminder) for a meeting's new version. */
  async changed(meetingId: string, reason: Exclude<MailReason, 'reminder' | 'link'>): Promise<void> {
    const sequence = await this.repo.nextSequence(meetingId);
    if (sequence === null) return;
    const m = await this.meetings.forMail(meetingId);
    if (!m) return;
    for (const p of m.participants) {
      if (!p.email) continue;
      const job: MailJob = { meetingId, participantId: p.id, sequence, reason, delivery: this.delivery() };
      await this.jobs.send(Queues.mail, `${meetingId}:${sequence}:${reason}:${p.id}`, job);
    }
    if ((reason === 'scheduled' || reason === 'moved') && m.startAt && m.startAt.getTime() > Date.now()) {
      const due = new Date(Math.max(Date.now(), m.startAt.getTime() - DAY_MS));
      const job: ReminderJob = { meetingId, sequence };
      await this.jobs.send(Queues.reminder, reminderKey(meetingId, sequence), job, { startAfter: due });
    }
  }

  /** The reminder's mails, only if the meeting is still at the time the reminder was set for. */
  async remind(job: ReminderJob): Promise<void> {
    const m = await this.meetings.forMail(job.meetingId);
    if (!m || m.status !== 'scheduled' || m.sequence !== job.sequence) return;
    for (const p of m.participants) {
      if (!p.email) continue;
      const mail: MailJob = {
        meetingId: m.id,
        participantId: p.id,
        sequence: m.sequence,
        reason: 'reminder',
        delivery: this.delivery(),
      };
      await this.jobs.send(Queues.mail, `${m.id}:${m.sequence}:reminder:${p.id}`, mail);
    }
  }

  private delivery(): 'smtp' | 'outbox' {
    return this.transport ? 'smtp' : 'outbox';
  }

  /** Sends one queued mail; a newer version of the meeting makes it moot (its own mail follows). */
  async deliver(job: MailJob): Promise<void> {
    const m = await this.meetings.forMail(job.meetingId);
    if (!m || m.sequence !== job.sequence) return;
    const to = m.participants.find((p) => p.id === job.participantId);
    if (!to?.email) return;
    // Non-staff get their own link, the same one in every mail (GuestsService.linkForMail).
    const link =
      to.kind !== 'staff' && job.reason !== 'cancelled' && job.reason !== 'held'
        ? await this.guests.linkForMail(m.id, to.id, m.createdBy, this.baseUrl())
        : null;
    const mail = composeMail(m, to, job.reason, link?.url ?? null);
    if ((job.delivery ?? this.delivery()) === 'outbox') {
      await this.repo.keep({
        meetingId: m.id,
        recipient: to.email,
        staffId: to.staffId,
        subject: mail.subject,
        text: mail.text,
        ics: mail.ics?.content ?? null,
      });
      return;
    }
    // Thrown, the job is retried, and taken by a process that has SMTP.
    if (!this.transport) throw new Error('a mail queued for SMTP reached a process without SMTP_URL');
    await this.transport.sendMail({
      from: this.config.mailFrom,
      to: { name: to.name, address: to.email },
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      // nodemailer adds it both as the text/calendar alternative (calendar clients) and as an .ics attachment.
      ...(mail.ics
        ? {
            icalEvent: {
              method: mail.ics.method,
              content: mail.ics.content,
              filename: mail.ics.method === 'CANCEL' ? 'aflysning.ics' : 'invitation.ics',
            },
          }
        : {}),
    });
  }

  private baseUrl(): string {
    return this.config.publicBaseUrl ?? `http://localhost:${this.config.port}`;
  }
}
