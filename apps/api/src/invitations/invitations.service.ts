import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig, linkBase } from '../config/config';
import { GuestsService } from '../guests/guests.service';
import { JobQueue, Queues } from '../jobs/job-queue';
import { MailTransport, SMTP_CONNECTIONS } from '../mail/mail-transport';
import { type MailJob, MeetingMailJobs, type ReminderJob } from '../meetings/meeting-mail-jobs';
import { MeetingMailService } from '../meetings/meeting-mail.service';
import { composeMail } from './invitation-mail';
import { InvitationsRepository } from './invitations.repository';

/**
 * Invitations: the meetings module queues one mail job per participant with an address in
 * each change's own transaction (MeetingMailJobs); this service works the queue: it sends each mail over SMTP
 * (retried on failure) or, without SMTP_URL, keeps it in the outbox, and turns a due reminder into its mails.
 */
@Injectable()
export class InvitationsService implements OnApplicationBootstrap {
  private readonly transport: Transporter | null;

  constructor(
    private readonly repo: InvitationsRepository,
    private readonly jobs: JobQueue,
    private readonly mailJobs: MeetingMailJobs,
    private readonly guests: GuestsService,
    private readonly meetings: MeetingMailService,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    mail: MailTransport,
  ) {
    this.transport = mail.transport;
    if (config.jobWorkers) {
      // In batches, a few at a time (JobQueue.work): a meeting's mails leave together, not one a second.
      // As many mails at once as the pool has SMTP connections; a batch of several rounds per fetch.
      jobs.work<MailJob>(Queues.mail, (job) => this.deliver(job), {
        concurrency: SMTP_CONNECTIONS,
        batchSize: SMTP_CONNECTIONS * 4,
      });
      jobs.work<ReminderJob>(Queues.reminder, (job) => this.remind(job));
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.startWorkers();
  }

  /**
   * The reminder's mails, only if the meeting is still at the time the reminder was set for; queued in one
   * transaction, so a retried reminder queues each mail once.
   */
  async remind(job: ReminderJob): Promise<void> {
    await this.txHost.withTransaction(async () => {
      const m = await this.meetings.forMail(job.meetingId);
      if (!m || m.status !== 'scheduled' || m.sequence !== job.sequence) return;
      await this.mailJobs.queue(m, 'reminder');
    });
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
    return linkBase(this.config);
  }

  /** Retention: the mails about their meetings go (citizens anonymised in the caller's transaction). */
  anonymiseCitizens(citizenIds: string[]): Promise<void> {
    return this.repo.anonymiseCitizens(citizenIds);
  }
}
