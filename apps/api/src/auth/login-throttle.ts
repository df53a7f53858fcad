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
/** Set-password tries per link: a person mistyping or choosing a refused password a few times. */
export const SET_PASSWORD_MAX_PER_LINK = 10;
/** Set-password tries per address: new staff of one office may set theirs together; guessing links is hopeless anyway. */
export const SET_PASSWORD_MAX_PER_ADDRESS = 50;

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
    const [pair, addr] = await this.take(
      [
        [pairKey, LOGIN_MAX_FAILURES],
        [addressKey, LOGIN_MAX_FAILURES_PER_ADDRESS],
      ],
      now,
    );
    return { pair, address: addr };
  }

  /**
   * Counts a set-password try per link (its hash, as stored) and per address, before the link is looked up;
   * every try counts, as a used link cannot be tried again anyway.
   */
  async reserveSetPassword(linkHash: string, address: string, now = new Date()): Promise<void> {
    await this.take(
      [
        [`set-password:link:${linkHash}`, SET_PASSWORD_MAX_PER_LINK],
        [`set-password:ip:${addressBucket(address)}`, SET_PASSWORD_MAX_PER_ADDRESS],
      ],
      now,
    );
  }

  /** One count on each key, in the order given; a 429 (and every count given back) when one is over its limit. */
  private async take(limits: [key: string, max: number][], now: Date): Promise<ThrottleCount[]> {
    const rows = await this.counts.reserve(
      limits.map(([key]) => key),
      now,
      LOGIN_WINDOW_MS,
    );
    const counted = limits.map(([key]) => rows.find((r) => r.key === key));
    if (counted.some((r) => !r)) throw new Error('login throttle: a counter is missing');
    const taken = counted as ThrottleCount[];
    const over = taken.filter((r, i) => r.count > limits[i][1]);
    if (over.length) {
      // A refused attempt checks nothing, so it is no failure: it must not use up the other counters.
      await Promise.all(taken.map((r) => this.counts.release(r.key, r.windowStart)));
      const endsAt = Math.max(...over.map((r) => r.windowStart.getTime() + LOGIN_WINDOW_MS));
      throw new LoginThrottledError(Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)));
    }
    return taken;
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
