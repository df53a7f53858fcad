import { createHash } from 'node:crypto';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { type BeforeApplicationShutdown, Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { JOB_SCHEMA } from '../common/database/roles';
import { LOGGER } from '../common/logging/logger.provider';

export const JOB_DATABASE_URL = Symbol('JOB_DATABASE_URL');

/** The queues the migrations created (Invitations, Retention; pg-boss partitions are attached by the table's owner). */
export const Queues = {
  mail: 'invitation-mail',
  reminder: 'meeting-reminder',
  retention: 'citizen-retention',
} as const;
type Queue = (typeof Queues)[keyof typeof Queues];

/** A job id derived from what the job is about: sending the same thing twice inserts nothing. */
export function jobId(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * How a queue is worked. Jobs are fetched in batches (one `SKIP LOCKED` fetch takes up to `batchSize`) and a
 * batch's handlers run a few at a time: one job per one-second poll sent about a mail a second, so a meeting
 * with five participants took five seconds and a burst of changes (or a test run) queued up behind it.
 */
export interface WorkOptions {
  batchSize: number;
  /** Handlers of one batch running at once (SMTP connections, database reads). */
  concurrency: number;
  pollingIntervalSeconds: number;
}

const DEFAULT_WORK: WorkOptions = { batchSize: 20, concurrency: 4, pollingIntervalSeconds: 0.5 };

/** Runs `work` on every item, at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * Durable jobs on the application's own PostgreSQL (pg-boss, schema `pgboss`): a job survives a restart and
 * is fetched by exactly one worker (SKIP LOCKED), however many API processes run. A job sent inside a
 * transaction (`txHost.withTransaction`, e.g. a meeting's change) is inserted on that transaction's
 * connection: it exists exactly when the change commits.
 */
@Injectable()
export class JobQueue implements OnModuleInit, BeforeApplicationShutdown {
  private readonly boss: PgBoss;
  private readonly workers: { queue: Queue; options: WorkOptions; handler: (data: unknown) => Promise<void> }[] = [];
  private started = false;

  constructor(
    @Inject(JOB_DATABASE_URL) connectionString: string,
    @Inject(LOGGER) private readonly log: Logger,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {
    this.boss = new PgBoss({
      connectionString,
      schema: JOB_SCHEMA,
      application_name: 'tvaers-jobs',
      max: 4,
      // The schema and queues come from the migrations; the application role only moves jobs.
      migrate: false,
      schedule: false,
    });
    this.boss.on('error', (err) => this.log.error({ err }, 'job queue error'));
  }

  /**
   * Registers a handler for one job; workers start with the application. A handler that throws fails its own
   * job only (retried by the queue's policy); the others of its batch complete.
   */
  work<T>(queue: Queue, handler: (data: T) => Promise<void>, options: Partial<WorkOptions> = {}): void {
    this.workers.push({
      queue,
      options: { ...DEFAULT_WORK, ...options },
      handler: handler as (data: unknown) => Promise<void>,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    this.started = true;
  }

  /** Called once every module is ready, so handlers never run before their services. */
  async startWorkers(): Promise<void> {
    for (const w of this.workers) {
      const { batchSize, concurrency, pollingIntervalSeconds } = w.options;
      await this.boss.work(w.queue, { batchSize, pollingIntervalSeconds }, async (jobs) => {
        await eachLimited(jobs, concurrency, async (job) => {
          try {
            await w.handler(job.data);
          } catch (err) {
            this.log.warn({ err, queue: w.queue, job: job.id }, 'job failed; it is retried');
            // Only this job: pg-boss then completes the batch's jobs still active.
            await this.boss.fail(w.queue, job.id, { message: err instanceof Error ? err.message : String(err) });
          }
        });
      });
    }
  }

  /**
   * Queues a job once per key; false when a job with that key was already queued. Inside a transaction it is
   * written by that transaction (and gone if it rolls back).
   */
  async send(queue: Queue, key: string, data: object, options: { startAfter?: Date } = {}): Promise<boolean> {
    const id = await this.boss.send(queue, data, {
      id: jobId(`${queue}:${key}`),
      singletonKey: key,
      ...options,
      ...(this.txHost.isTransactionActive() ? { db: this.transactionDb() } : {}),
    });
    return id !== null;
  }

  /** pg-boss's `db` option over the current transaction's query runner. */
  private transactionDb(): PgBoss.Db {
    const runner = this.txHost.tx.queryRunner;
    if (!runner) throw new Error('no query runner in the active transaction');
    return {
      executeSql: async (text: string, values: unknown[]) => {
        const result = await runner.query(text, values, true);
        return { rows: result.records as unknown[] };
      },
    };
  }

  /** A queued job by key (tests and diagnostics). */
  job(queue: Queue, key: string) {
    return this.boss.getJobById(queue, jobId(`${queue}:${key}`));
  }

  /** Before the other providers shut down: running jobs finish while the SMTP pool and the database are still open. */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
