import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { JobQueue, Queues } from '../jobs/job-queue';
import type { MailMeeting } from './meeting-mail.service';

/** A change of a meeting that its participants are told of (each is a domain event `meeting.<change>`). */
export type MeetingChange = 'scheduled' | 'proposed' | 'moved' | 'changed' | 'cancelled' | 'held';

/** What a mail is about: a meeting's change, the reminder a day before, or a participant's new link ("Nyt link"). */
export type MailReason = MeetingChange | 'reminder' | 'link';

/** One mail to one participant about one version (sequence) of a meeting. */
export interface MailJob {
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

export interface ReminderJob {
  meetingId: string;
  sequence: number;
}

const DAY_MS = 24 * 3600_000;

/** The key of a meeting version's reminder: a move gives a new one, and the old one finds its sequence stale. */
export const reminderKey = (meetingId: string, sequence: number) => `${meetingId}:${sequence}`;

/**
 * Queues a meeting version's mails: one job per participant with an address, and for a scheduled meeting's new
 * version the reminder due 24 hours before its start. Called inside the change's transaction (MeetingChanges
 * `commit`), so the jobs are written exactly when the change is: a crash after the commit loses no mail.
 */
@Injectable()
export class MeetingMailJobs {
  constructor(
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** "Nyt link": one mail of the participant's new link (`linkId` tells one replacement from the next). */
  async queueLink(m: MailMeeting, participantId: string, linkId: string): Promise<boolean> {
    const to = m.participants.find((p) => p.id === participantId);
    if (!to?.email) return false;
    const job: MailJob = {
      meetingId: m.id,
      participantId,
      sequence: m.sequence,
      reason: 'link',
      delivery: this.config.smtpUrl ? 'smtp' : 'outbox',
    };
    await this.jobs.send(Queues.mail, `${m.id}:${m.sequence}:link:${participantId}:${linkId}`, job);
    return true;
  }

  async queue(m: MailMeeting, reason: MailReason): Promise<void> {
    for (const p of m.participants) {
      if (!p.email) continue;
      const job: MailJob = {
        meetingId: m.id,
        participantId: p.id,
        sequence: m.sequence,
        reason,
        delivery: this.config.smtpUrl ? 'smtp' : 'outbox',
      };
      await this.jobs.send(Queues.mail, `${m.id}:${m.sequence}:${reason}:${p.id}`, job);
    }
    // Each version of a scheduled meeting has its own reminder: the previous one finds its sequence stale.
    const versioned = reason === 'scheduled' || reason === 'moved' || reason === 'changed';
    if (versioned && m.status === 'scheduled' && m.startAt && m.startAt.getTime() > Date.now()) {
      const due = new Date(Math.max(Date.now(), m.startAt.getTime() - DAY_MS));
      const job: ReminderJob = { meetingId: m.id, sequence: m.sequence };
      await this.jobs.send(Queues.reminder, reminderKey(m.id, m.sequence), job, { startAfter: due });
    }
  }
}
