import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { JOB_SCHEMA } from '../common/database/roles';
import { LOGGER } from '../common/logging/logger.provider';

export const JOB_DATABASE_URL = Symbol('JOB_DATABASE_URL');

/** The queues the Invitations migration created (pg-boss partitions are attached by the table's owner). */
export const Queues = { mail: 'invitation-mail', reminder: 'meeting-reminder' } as const;
type Queue = (typeof Queues)[keyof typeof Queues];

/** A job id derived from what the job is about: sending the same thing twice inserts nothing. */
export function jobId(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Durable jobs on the application's own PostgreSQL (pg-boss, schema `pgboss`): a job survives a restart and
 * is fetched by exactly one worker (SKIP LOCKED), however many API processes run.
 */
@Injectable()
export class JobQueue implements OnModuleInit, OnApplicationShutdown {
  private readonly boss: PgBoss;
  private readonly workers: { queue: Queue; handler: (data: unknown) => Promise<void> }[] = [];
  private started = false;

  constructor(
    @Inject(JOB_DATABASE_URL) connectionString: string,
    @Inject(LOGGER) private readonly log: Logger,
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

  /** Registers a handler; workers start with the application. A handler that throws is retried (queue policy). */
  work<T>(queue: Queue, handler: (data: T) => Promise<void>): void {
    this.workers.push({ queue, handler: handler as (data: unknown) => Promise<void> });
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    this.started = true;
  }

  /** Called once every module is ready, so handlers never run before their services. */
  async startWorkers(): Promise<void> {
    for (const w of this.workers) {
      await this.boss.work(w.queue, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
        await w.handler(job.data);
      });
    }
  }

  /** Queues a job once per key; false when a job with that key was already queued. */
  async send(queue: Queue, key: string, data: object, options: { startAfter?: Date } = {}): Promise<boolean> {
    const id = await this.boss.send(queue, data, { id: jobId(`${queue}:${key}`), singletonKey: key, ...options });
    return id !== null;
  }

  /** A queued job by key (tests and diagnostics). */
  job(queue: Queue, key: string) {
    return this.boss.getJobById(queue, jobId(`${queue}:${key}`));
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
