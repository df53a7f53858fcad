import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../logging/logger.provider';

/** Codes of a database that is not there: refused or lost connections, and PostgreSQL shutting down or starting. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08003',
  '08006',
]);
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Cannot use a pool after calling end|Connection .* has not been established|Client has encountered a connection error|Driver not Connected|connect ECONNREFUSED/i;
const NOT_CONNECTED_ERRORS = new Set(['CannotExecuteNotConnectedError', 'ConnectionIsNotSetError']);

/** Whether an error means the database does not answer (not that a statement failed). */
export function isDatabaseUnavailable(err: unknown): boolean {
  // Not `instanceof Error`: socket errors come from node's own realm.
  if (typeof err !== 'object' || err === null) return false;
  const { driverError, code, name, message } = err as Record<string, unknown>;
  if (driverError !== err && isDatabaseUnavailable(driverError)) return true;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  if (typeof name === 'string' && NOT_CONNECTED_ERRORS.has(name)) return true;
  return typeof message === 'string' && CONNECTION_MESSAGES.test(message);
}

/** Seconds a client should wait before trying again while the database is away. */
export const DATABASE_RETRY_AFTER = 5;

/** An outage is logged when it starts and when it ends, not once per request in between. */
@Injectable()
export class DatabaseOutage {
  private since: Date | null = null;
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  get down(): boolean {
    return this.since !== null;
  }

  failed(err: unknown): void {
    if (this.since) return;
    this.since = new Date();
    this.logger.warn({ err }, 'database unavailable: answering 503 until it returns');
  }

  recovered(): void {
    if (!this.since) return;
    this.logger.info({ downSince: this.since.toISOString() }, 'database available again');
    this.since = null;
  }
}
