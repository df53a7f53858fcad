import { Inject, Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logging/logger.provider';
import { ProblemError } from '../common/problem/problem';
import { addressBucket } from '../common/throttle/address-bucket';
import type { ThrottleCount } from '../common/throttle/throttle-counters';
import { GuestThrottleRepository } from './guest-throttle.repository';

/**
 * Guest requests per address in a window: generous, as a doctor's page asks a few times per visit and many
 * guests may share one address (a jobcenter's or a town hall's network behind one NAT).
 */
export const GUEST_MAX_REQUESTS = 3000;
/**
 * Unknown, revoked or expired links per address: guessing a 256-bit token is hopeless, probing for links is not
 * welcome; high enough that old links opened behind one shared address do not lock the others out.
 */
export const GUEST_MAX_MISSES = 300;
export const GUEST_WINDOW_MS = 15 * 60_000;
/** Code mails per participant in a window: a link's holder cannot fill the guest's inbox. */
export const GUEST_MAX_CODE_MAILS = 5;

export const tooManyGuestRequests = () =>
  new ProblemError(429, 'TOO_MANY_REQUESTS', 'Too many requests from this address. Try again later.');

export interface GuestReservation {
  miss: ThrottleCount;
}

/**
 * Rate limit of the guest routes per client address (IPv6 per /64, as for logins). A request is counted as
 * a miss before its link is looked up and given back when the link was valid, so parallel probes cannot all pass.
 */
@Injectable()
export class GuestThrottle {
  constructor(
    private readonly counts: GuestThrottleRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async reserve(address: string, now = new Date()): Promise<GuestReservation> {
    const bucket = addressBucket(address);
    const allKey = `guest:${bucket}`;
    const missKey = `guest-miss:${bucket}`;
    const rows = await this.counts.reserve([allKey, missKey], now, GUEST_WINDOW_MS);
    const all = rows.find((r) => r.key === allKey);
    const miss = rows.find((r) => r.key === missKey);
    if (!all || !miss) throw new Error('guest throttle: a counter is missing');
    if (all.count > GUEST_MAX_REQUESTS || miss.count > GUEST_MAX_MISSES) {
      // A refused request looked nothing up: it is no miss.
      await this.counts.release(miss.key, miss.windowStart);
      throw tooManyGuestRequests();
    }
    return { miss };
  }

  /** Counts a code mail to the participant, or throws a 429 when the window's are used up. */
  async reserveCodeMail(participantId: string, now = new Date()): Promise<void> {
    const [mails] = await this.counts.reserve([`guest-code:${participantId}`], now, GUEST_WINDOW_MS);
    if (mails.count > GUEST_MAX_CODE_MAILS) throw tooManyGuestRequests();
  }

  /** The link was valid: not a miss. */
  async found(r: GuestReservation): Promise<void> {
    await this.counts.release(r.miss.key, r.miss.windowStart);
  }

  // Idempotent deletes: several API processes may all prune.
  @Interval('guest-throttle-prune', 10 * 60_000)
  async prune(now = new Date()): Promise<void> {
    try {
      await this.counts.deleteEnded(now, GUEST_WINDOW_MS);
    } catch (err) {
      this.logger.warn({ err }, 'pruning guest counters failed');
    }
  }
}
