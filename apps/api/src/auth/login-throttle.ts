import { Injectable } from '@nestjs/common';
import { ProblemError } from '../common/problem/problem';
import { addressBucket } from '../common/throttle/address-bucket';
import type { ThrottleCount } from '../common/throttle/throttle-counters';
import { LoginThrottleRepository } from './login-throttle.repository';

/** Guessing one user's password from one place: failures per (e-mail, address) in a window. */
export const LOGIN_MAX_FAILURES = 10;
/** Trying many e-mails from one place; higher, since an office or a school may share one address. */
export const LOGIN_MAX_FAILURES_PER_ADDRESS = 100;
export const LOGIN_WINDOW_MS = 15 * 60_000;

export class LoginThrottledError extends ProblemError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      'TOO_MANY_LOGIN_ATTEMPTS',
      `Too many failed logins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
    );
  }
}

/** What an attempt holds on both counters until its password is checked. */
export interface LoginReservation {
  pair: ThrottleCount;
  address: ThrottleCount;
}

/**
 * Login failures per (e-mail, address) and per address, so nobody can lock a user out from elsewhere.
 * An attempt is counted before its password is checked, so parallel guesses cannot all get through.
 */
@Injectable()
export class LoginThrottle {
  constructor(private readonly counts: LoginThrottleRepository) {}

  /** Counts the attempt, or throws a 429 when either counter is used up. */
  async reserve(email: string, address: string, now = new Date()): Promise<LoginReservation> {
    const addressKey = `ip:${addressBucket(address)}`;
    const pairKey = `email:${email}|${addressKey}`;
    const rows = await this.counts.reserve([pairKey, addressKey], now, LOGIN_WINDOW_MS);
    const pair = rows.find((r) => r.key === pairKey);
    const addr = rows.find((r) => r.key === addressKey);
    if (!pair || !addr) throw new Error('login throttle: a counter is missing');
    const over = [
      ...(pair.count > LOGIN_MAX_FAILURES ? [pair] : []),
      ...(addr.count > LOGIN_MAX_FAILURES_PER_ADDRESS ? [addr] : []),
    ];
    if (over.length) {
      // A refused attempt checks no password, so it is no failure: it must not use up the other counter.
      await Promise.all(rows.map((r) => this.counts.release(r.key, r.windowStart)));
      const endsAt = Math.max(...over.map((r) => r.windowStart.getTime() + LOGIN_WINDOW_MS));
      throw new LoginThrottledError(Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)));
    }
    return { pair, address: addr };
  }

  /** The password was right: this (e-mail, address) starts over, and the address counts failures only. */
  async succeeded(r: LoginReservation): Promise<void> {
    await Promise.all([this.counts.clear(r.pair.key), this.counts.release(r.address.key, r.address.windowStart)]);
  }

  /** Drops the counters whose window has ended. */
  prune(now = new Date()): Promise<number> {
    return this.counts.deleteEnded(now, LOGIN_WINDOW_MS);
  }
}
