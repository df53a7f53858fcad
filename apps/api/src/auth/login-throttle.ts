import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ProblemError } from '../common/problem/problem';
import { addressBucket } from '../common/throttle/address-bucket';
import type { ThrottleCount } from '../common/throttle/throttle-counters';
import { LoginThrottleRepository } from './login-throttle.repository';

/** Guessing one user's password from one place: failures per (e-mail, address) in a window. */
export const LOGIN_MAX_FAILURES = 10;
/**
 * Guessing one user's password from many places: past this many failures for the account (from anywhere) in a
 * window, each try for it waits ACCOUNT_SLOWDOWN_MS before its password is checked. Slowed, never refused, so
 * nobody can lock the user out, and the right password from any address still gets in.
 */
export const ACCOUNT_SLOWDOWN_AFTER = 20;
export const ACCOUNT_SLOWDOWN_MS = 1000;
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

/** What an attempt holds on the counters until its password is checked. */
export interface LoginReservation {
  pair: ThrottleCount;
  account: ThrottleCount;
  /** None when the per-address limit is off (LOGIN_FAILURES_PER_ADDRESS=0). */
  address?: ThrottleCount;
  /** The account has had many failures from anywhere: this try waits before its password is checked. */
  slowDown: boolean;
}

/**
 * Login failures by account first: per (e-mail, address) a hard limit, per e-mail (from anywhere) a slow-down,
 * and per address a limit high enough for a town hall behind one NAT (LOGIN_FAILURES_PER_ADDRESS), so nobody
 * can lock a user, or their colleagues, out from afar. An attempt is counted before its password is checked,
 * so parallel guesses cannot all get through.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly counts: LoginThrottleRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts the attempt, or throws a 429 when the (e-mail, address) or the address counter is used up. */
  async reserve(email: string, address: string, now = new Date()): Promise<LoginReservation> {
    const addressKey = `ip:${addressBucket(address)}`;
    const perAddress = this.config.loginFailuresPerAddress;
    const [pair, account, addr] = await this.take(
      [
        [`email:${email}|${addressKey}`, LOGIN_MAX_FAILURES],
        [`email:${email}`, Infinity],
        ...(perAddress ? [[addressKey, perAddress] as [string, number]] : []),
      ],
      now,
    );
    return { pair, account, address: addr, slowDown: account.count > ACCOUNT_SLOWDOWN_AFTER };
  }

  /** The wait of a try for an account under attack from many places. */
  async slowDown(): Promise<void> {
    await sleep(ACCOUNT_SLOWDOWN_MS);
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

  /** The password was right: this (e-mail, address) starts over, and the other counters count failures only. */
  async succeeded(r: LoginReservation): Promise<void> {
    await Promise.all([
      this.counts.clear(r.pair.key),
      ...[r.account, r.address].flatMap((c) => (c ? [this.counts.release(c.key, c.windowStart)] : [])),
    ]);
  }

  /** Drops the counters whose window has ended. */
  prune(now = new Date()): Promise<number> {
    return this.counts.deleteEnded(now, LOGIN_WINDOW_MS);
  }
}
