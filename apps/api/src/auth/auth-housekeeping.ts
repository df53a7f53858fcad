import { Inject, Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logging/logger.provider';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { LoginThrottle } from './login-throttle';
import { SessionRepository } from './session.repository';

const PRUNE_EVERY_MS = 10 * 60_000;

/** Removes ended login counters and expired or idle sessions on a schedule, so neither grows without logins. */
@Injectable()
export class AuthHousekeeping {
  constructor(
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionRepository,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async prune(now = new Date()): Promise<{ loginCounters: number; sessions: number }> {
    const [loginCounters, sessions] = await Promise.all([
      this.throttle.prune(now),
      this.sessions.deleteExpired(now, new Date(now.getTime() - this.config.sessionIdleMs)),
    ]);
    return { loginCounters, sessions };
  }

  // Several API processes may all prune: the deletes are idempotent. A failure waits for the next round.
  @Interval('auth-prune', PRUNE_EVERY_MS)
  async pruneOnSchedule(): Promise<void> {
    try {
      const pruned = await this.prune();
      if (pruned.loginCounters || pruned.sessions) this.logger.debug(pruned, 'pruned login counters and sessions');
    } catch (err) {
      this.logger.warn({ err }, 'pruning login counters and sessions failed');
    }
  }
}
