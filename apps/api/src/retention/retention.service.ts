import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { localDate } from '@tvaers/domain';
import type { Logger } from 'pino';
import { AccessService } from '../access/access.service';
import { CasesService } from '../cases/cases.service';
import { CitizensService } from '../citizens/citizens.service';
import { GuestsService } from '../guests/guests.service';
import { InvitationsService } from '../invitations/invitations.service';
import { MeetingNotesService } from '../meeting-notes/meeting-notes.service';
import { MeetingsService } from '../meetings/meetings.service';
import { PlansService } from '../plans/plans.service';
import { ProgressService } from '../progress/progress.service';
import { RequestsService } from '../requests/requests.service';
import { LOGGER } from '../common/logging/logger.provider';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { JobQueue, Queues } from '../jobs/job-queue';
import { RetentionRepository } from './retention.repository';

/** Citizens per transaction: a large municipality's first run never holds one huge transaction. */
export const RETENTION_BATCH = 500;
const DAY_MS = 24 * 3600_000;
/** How often each process queues the day's run: hourly, so a process started once still queues every day's. */
const QUEUE_EVERY_MS = 3600_000;
const ACTOR = { kind: 'system', name: 'Tværs (opbevaringsfrist)' } as const;

export interface RetentionJob {
  /** The Copenhagen date the run is for (its key). */
  date: string;
}

/** The day's job key: one job per Copenhagen date, whichever processes queue it. */
export const retentionKey = (now: Date) => `retention:${localDate(now)}`;

/**
 * Retention (GDPR storage limitation): a citizen whose cases are all closed, the last more than
 * RETENTION_DAYS ago, is anonymised: each context clears what names or describes them (name, CPR, contact
 * details, every free text, guests' details, mails, guest links); ids, dates, statuses, kinds and scores (the unit's
 * figures), staff names and the access log stay. Every API process queues the day's
 * run on start and hourly under the day's key (JobQueue: a deterministic job id, so one job a day whatever
 * number of processes queue it, fetched by one worker with SKIP LOCKED). The run works in batches, each one
 * transaction with one `citizen.anonymised` access-log row per citizen; no access-log row is ever changed.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap {
  constructor(
    private readonly repo: RetentionRepository,
    private readonly citizens: CitizensService,
    private readonly guests: GuestsService,
    private readonly invitations: InvitationsService,
    private readonly notes: MeetingNotesService,
    private readonly meetings: MeetingsService,
    private readonly plans: PlansService,
    private readonly requests: RequestsService,
    private readonly progress: ProgressService,
    private readonly cases: CasesService,
    private readonly access: AccessService,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly log: Logger,
  ) {
    if (config.jobWorkers && config.retentionDays !== null) {
      jobs.work<RetentionJob>(Queues.retention, () => this.run().then(() => undefined), {
        batchSize: 1,
        concurrency: 1,
        pollingIntervalSeconds: 30,
      });
    }
  }

  /** Queues the day's run; false when it was already queued (by this or another process). */
  async queue(now = new Date()): Promise<boolean> {
    if (this.config.retentionDays === null) return false;
    const job: RetentionJob = { date: localDate(now) };
    return this.jobs.send(Queues.retention, retentionKey(now), job);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queueOnSchedule();
  }

  @Interval('retention-queue', QUEUE_EVERY_MS)
  async queueOnSchedule(): Promise<void> {
    try {
      await this.queue();
    } catch (err) {
      // The next hour queues it again.
      this.log.warn({ err }, 'queuing the retention run failed');
    }
  }

  /**
   * Anonymises every citizen due at `now`; the number anonymised. Idempotent: an anonymised citizen is never
   * due again, and a batch that failed is done by the next run (or the job's retry).
   */
  async run(now = new Date(), batchSize = RETENTION_BATCH): Promise<number> {
    const days = this.config.retentionDays;
    if (days === null) return 0;
    const closedBefore = new Date(now.getTime() - days * DAY_MS);
    let total = 0;
    for (;;) {
      let due = 0;
      const done = await this.access.systemChangeOfCitizens(
        ACTOR,
        { action: 'citizen.anonymised', entity: 'citizen' },
        async () => {
          const ids = await this.repo.lockDue(closedBefore, batchSize);
          due = ids.length;
          const anonymised = await this.citizens.anonymiseCitizens(ids);
          if (anonymised.length) {
            // Each context clears what it holds of them, in this transaction; guest links end first, so nothing
            // can be read through them while the rest goes.
            await this.guests.anonymiseCitizens(anonymised);
            await this.invitations.anonymiseCitizens(anonymised);
            await this.notes.anonymiseCitizens(anonymised);
            await this.meetings.anonymiseCitizens(anonymised);
            await this.plans.anonymiseCitizens(anonymised);
            await this.requests.anonymiseCitizens(anonymised);
            await this.progress.anonymiseCitizens(anonymised);
            await this.cases.anonymiseCitizens(anonymised);
          }
          return anonymised;
        },
      );
      total += done.length;
      if (due < batchSize) break;
    }
    // A count only: never a name or a CPR.
    this.log.info({ anonymised: total, retentionDays: days }, 'retention run');
    return total;
  }
}
