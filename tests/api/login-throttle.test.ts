import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { AuthHousekeeping } from '@tvaers/api/src/auth/auth-housekeeping';
import { ACCOUNT_SLOWDOWN_AFTER, LOGIN_MAX_FAILURES, LoginThrottle } from '@tvaers/api/src/auth/login-throttle';
import { loadConfig } from '@tvaers/api/src/config/config';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/app';
import { apiClient, type WireResponse } from '../support/client';
import { createStaff } from '../support/factories';

// A staff member of this file's own, so its counters and sessions are this file's alone.
let USER: string;

let proxied: TestApp; // trusts 127.0.0.1: X-Forwarded-For names the client; 100 failures per address
let nat: TestApp; // the same with the default per-address limit (a town hall behind one address)
let direct: TestApp; // trusts nobody
beforeAll(async () => {
  [proxied, nat, direct] = await Promise.all([
    startTestApp({ TRUST_PROXY: '127.0.0.1', LOGIN_FAILURES_PER_ADDRESS: '100' }),
    startTestApp({ TRUST_PROXY: '127.0.0.1' }),
    startTestApp(),
  ]);
  USER = (await createStaff(direct)).email;
});
afterAll(() => Promise.all([proxied?.close(), nat?.close(), direct?.close()]));

const login = (t: TestApp, email: string, password: string, forwardedFor?: string) =>
  apiClient(t).wire('post', '/api/auth/login', {
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    body: { email, password },
  });
const statuses = (rs: WireResponse[]) => rs.map((r) => r.status);
const countOf = (rs: WireResponse[], status: number) => rs.filter((r) => r.status === status).length;
const counter = async (key: string): Promise<number | undefined> => {
  const rows: { count: number }[] = await direct.app
    .get(DataSource)
    .query(`SELECT count FROM login_throttle WHERE key = $1`, [key]);
  return rows[0]?.count;
};
/** Wrong passwords one at a time until the first 429; returns how many were 401. */
async function failUntilLimited(t: TestApp, email: (i: number) => string, from: string, max: number): Promise<number> {
  for (let i = 0; i <= max; i++) {
    const res = await login(t, email(i), 'forkert', from);
    if (res.status === 429) return i;
    expect(res.status).toBe(401);
  }
  throw new Error(`no 429 after ${max + 1} failures`);
}

describe('login throttling', () => {
  it('lets 60 parallel wrong passwords for one e-mail through at most 10 times, the rest 429', async () => {
    const from = '203.0.113.10';
    const burst = await Promise.all(Array.from({ length: 60 }, (_, i) => login(proxied, USER, `forkert-${i}`, from)));
    expect(statuses(burst).every((s) => s === 401 || s === 429)).toBe(true);
    const failed = countOf(burst, 401);
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThanOrEqual(10);
    const limited = burst.find((r) => r.status === 429);
    expect(limited?.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((limited?.body as { code?: string } | undefined)?.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    const retryAfter = Number(limited?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Refused attempts were given back while the burst ran; topped up one by one it is exactly 10.
    expect(failed + (await failUntilLimited(proxied, () => USER, from, 10))).toBe(10);
    expect(await counter(`email:${USER}|ip:${from}`)).toBe(10);
  });

  it('still logs the user in from another address while one address is throttled for them', async () => {
    const user = (await createStaff(proxied)).email; // failures for USER elsewhere would slow it down
    const attacker = '203.0.113.20';
    const home = '203.0.113.21';
    const burst = await Promise.all(Array.from({ length: 10 }, () => login(proxied, user, 'forkert', attacker)));
    expect(statuses(burst)).toEqual(Array(10).fill(401));
    // Throttled means throttled: the right password from there does not get in either (no oracle).
    expect((await login(proxied, user, DEMO_PASSWORD, attacker)).status).toBe(429);
    expect((await login(proxied, user, DEMO_PASSWORD, home)).status).toBe(200);
    expect((await login(proxied, user, DEMO_PASSWORD, attacker)).status).toBe(429);
  });

  it('clears the (e-mail, address) count on the right password and counts only failures per address', async () => {
    const user = (await createStaff(proxied)).email; // failures for USER elsewhere would slow it down
    const from = '203.0.113.30';
    for (let i = 0; i < 9; i++) expect((await login(proxied, user, 'forkert', from)).status).toBe(401);
    expect((await login(proxied, user, DEMO_PASSWORD, from)).status).toBe(200);
    expect(await counter(`email:${user}|ip:${from}`)).toBeUndefined();
    expect(await failUntilLimited(proxied, () => user, from, 10)).toBe(10);
    // 9 + 10 failures; the success and the refused attempt gave their reservations back.
    expect(await counter(`ip:${from}`)).toBe(19);
  });

  it('ignores X-Forwarded-For from a client when no proxy is trusted', async () => {
    const email = `forged-${Date.now()}@example.org`;
    const forged = (i: number) => `198.51.100.${i + 1}`;
    for (let i = 0; i < 10; i++) expect((await login(direct, email, 'forkert', forged(i))).status).toBe(401);
    expect((await login(direct, email, 'forkert', forged(50))).status).toBe(429);
    expect(await counter(`email:${email}|ip:127.0.0.1`)).toBe(10);
    const rows: unknown[] = await direct.app
      .get(DataSource)
      .query(`SELECT key FROM login_throttle WHERE key LIKE '%198.51.100.%'`);
    expect(rows).toEqual([]);
  });

  it('believes a trusted proxy only for the hop it added, not what the client wrote before it', async () => {
    const email = `chain-${Date.now()}@example.org`;
    expect((await login(proxied, email, 'forkert', '192.0.2.66, 203.0.113.40')).status).toBe(401);
    expect(await counter(`email:${email}|ip:203.0.113.40`)).toBe(1);
    expect(await counter(`email:${email}|ip:192.0.2.66`)).toBeUndefined();
  });

  it('limits failures per address over all e-mails, and only that address', async () => {
    const from = '203.0.113.50';
    const stamp = Date.now();
    const email = (i: number) => `spray-${stamp}-${i}@example.org`;
    const burst = await Promise.all(Array.from({ length: 120 }, (_, i) => login(proxied, email(i), 'forkert', from)));
    const failed = countOf(burst, 401);
    expect(failed).toBeLessThanOrEqual(100);
    expect(failed + countOf(burst, 429)).toBe(120);
    expect(failed + (await failUntilLimited(proxied, (i) => email(1000 + i), from, 100))).toBe(100);
    expect((await login(proxied, USER, DEMO_PASSWORD, from)).status).toBe(429);
    expect((await login(proxied, USER, DEMO_PASSWORD, '203.0.113.51')).status).toBe(200);
  });

  it('prunes ended login counters and expired sessions on a schedule, callable directly', async () => {
    expect(direct.app.get(SchedulerRegistry).getIntervals()).toEqual(
      expect.arrayContaining(['auth-prune', 'socket-revalidate']),
    );
    const db = direct.app.get(DataSource);
    const tag = `prune-${Date.now()}`;
    await db.query(
      `INSERT INTO login_throttle (key, window_start, count)
       VALUES ($1, now() - interval '16 minutes', 3), ($2, now() - interval '14 minutes', 3)`,
      [`${tag}:ended`, `${tag}:running`],
    );
    await db.query(
      `INSERT INTO session (id, staff_id, expires_at)
       SELECT $1, id, now() - interval '1 minute' FROM staff WHERE email = $3
       UNION ALL SELECT $2, id, now() + interval '1 hour' FROM staff WHERE email = $3`,
      [`${tag}-expired`, `${tag}-live`, USER],
    );
    const pruned = await direct.app.get(AuthHousekeeping).prune();
    expect(pruned.loginCounters).toBeGreaterThanOrEqual(1);
    expect(pruned.sessions).toBeGreaterThanOrEqual(1);
    const keys: { key: string }[] = await db.query(`SELECT key FROM login_throttle WHERE key LIKE $1 ORDER BY key`, [
      `${tag}:%`,
    ]);
    expect(keys.map((k) => k.key)).toEqual([`${tag}:running`]);
    const sessions: { id: string }[] = await db.query(`SELECT id FROM session WHERE id LIKE $1`, [`${tag}-%`]);
    expect(sessions.map((s) => s.id)).toEqual([`${tag}-live`]);
  });
});

describe('lockouts by account first', () => {
  it('does not stop another user behind the same address after 100 failed logins for one account', async () => {
    const town = '203.0.113.60';
    const [target, colleague] = await Promise.all([createStaff(nat), createStaff(nat)]);
    const burst = await Promise.all(Array.from({ length: 100 }, () => login(nat, target.email, 'forkert', town)));
    expect(countOf(burst, 401)).toBe(10);
    expect(countOf(burst, 429)).toBe(90);
    expect((await login(nat, colleague.email, DEMO_PASSWORD, town)).status).toBe(200);
  });

  it('does not stop a town hall behind one address after 120 failed logins over many e-mails', async () => {
    const town = '203.0.113.61';
    const stamp = Date.now();
    const burst = await Promise.all(
      Array.from({ length: 120 }, (_, i) => login(nat, `typo-${stamp}-${i}@example.org`, 'forkert', town)),
    );
    expect(statuses(burst)).toEqual(Array(120).fill(401));
    const colleague = await createStaff(nat);
    expect((await login(nat, colleague.email, DEMO_PASSWORD, town)).status).toBe(200);
  });

  it('lets the right password in from another address while one address hammers the account', async () => {
    const target = await createStaff(nat);
    const [hammer, right] = await Promise.all([
      Promise.all(Array.from({ length: 60 }, (_, i) => login(nat, target.email, `gæt-${i}`, '203.0.113.62'))),
      login(nat, target.email, DEMO_PASSWORD, '203.0.113.63'),
    ]);
    expect(countOf(hammer, 401)).toBe(10);
    expect(right.status).toBe(200);
    expect((await login(nat, target.email, DEMO_PASSWORD, '203.0.113.64')).status).toBe(200);
  });

  it('slows down, never refuses, an account guessed at from many addresses', async () => {
    const throttle = nat.app.get(LoginThrottle);
    const slowDown = jest.spyOn(throttle, 'slowDown').mockResolvedValue();
    try {
      const [target, other] = await Promise.all([createStaff(nat), createStaff(nat)]);
      for (let a = 0; a < ACCOUNT_SLOWDOWN_AFTER / LOGIN_MAX_FAILURES; a++) {
        const from = `203.0.114.${a + 1}`;
        expect(await failUntilLimited(nat, () => target.email, from, LOGIN_MAX_FAILURES)).toBe(LOGIN_MAX_FAILURES);
      }
      expect(slowDown).not.toHaveBeenCalled();
      expect(await counter(`email:${target.email}`)).toBe(ACCOUNT_SLOWDOWN_AFTER);
      expect((await login(nat, target.email, 'forkert', '203.0.114.100')).status).toBe(401);
      expect(slowDown).toHaveBeenCalledTimes(1);
      // The right password from a new address still gets in (slowed), and another account is not slowed.
      expect((await login(nat, target.email, DEMO_PASSWORD, '203.0.114.101')).status).toBe(200);
      expect(slowDown).toHaveBeenCalledTimes(2);
      expect((await login(nat, other.email, DEMO_PASSWORD, '203.0.114.100')).status).toBe(200);
      expect(slowDown).toHaveBeenCalledTimes(2);
    } finally {
      slowDown.mockRestore();
    }
  });

  it('counts no per-address failures when the limit is off (LOGIN_FAILURES_PER_ADDRESS=0)', async () => {
    expect(loadConfig({}).loginFailuresPerAddress).toBe(1000);
    expect(loadConfig({ LOGIN_FAILURES_PER_ADDRESS: '0' }).loginFailuresPerAddress).toBe(0);
    expect(() => loadConfig({ LOGIN_FAILURES_PER_ADDRESS: '-1' })).toThrow(/LOGIN_FAILURES_PER_ADDRESS/);
    const off = await startTestApp({ TRUST_PROXY: '127.0.0.1', LOGIN_FAILURES_PER_ADDRESS: '0' });
    try {
      const email = `off-${Date.now()}@example.org`;
      expect((await login(off, email, 'forkert', '203.0.113.65')).status).toBe(401);
      expect(await counter(`email:${email}|ip:203.0.113.65`)).toBe(1);
      expect(await counter('ip:203.0.113.65')).toBeUndefined();
    } finally {
      await off.close();
    }
  });
});

describe('TRUST_PROXY', () => {
  it('is none by default and takes a list of addresses and CIDR ranges, nothing else', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,fd00::/8' }).trustProxy).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      'fd00::/8',
    ]);
    for (const bad of ['true', '*', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/1']) {
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
    }
  });
});
