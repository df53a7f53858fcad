import { SchedulerRegistry } from '@nestjs/schedule';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { AuthHousekeeping } from '@tvaers/api/src/auth/auth-housekeeping';
import { loadConfig } from '@tvaers/api/src/config/config';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/app';
import { createStaff } from '../support/factories';

// A staff member of this file's own, so its counters and sessions are this file's alone.
let USER: string;

let proxied: TestApp; // trusts 127.0.0.1: X-Forwarded-For names the client
let direct: TestApp; // trusts nobody
beforeAll(async () => {
  [proxied, direct] = await Promise.all([startTestApp({ TRUST_PROXY: '127.0.0.1' }), startTestApp()]);
  USER = (await createStaff(direct)).email;
});
afterAll(() => Promise.all([proxied?.close(), direct?.close()]));

const login = (t: TestApp, email: string, password: string, forwardedFor?: string) => {
  const req = t.http().post('/api/auth/login');
  if (forwardedFor) void req.set('x-forwarded-for', forwardedFor);
  return req.send({ email, password });
};
const statuses = (rs: Response[]) => rs.map((r) => r.status);
const countOf = (rs: Response[], status: number) => rs.filter((r) => r.status === status).length;
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
    expect(limited?.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((limited?.body as { code?: string } | undefined)?.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    const retryAfter = Number(limited?.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Refused attempts were given back while the burst ran; topped up one by one it is exactly 10.
    expect(failed + (await failUntilLimited(proxied, () => USER, from, 10))).toBe(10);
    expect(await counter(`email:${USER}|ip:${from}`)).toBe(10);
  });

  it('still logs the user in from another address while one address is throttled for them', async () => {
    const attacker = '203.0.113.20';
    const user = '203.0.113.21';
    const burst = await Promise.all(Array.from({ length: 10 }, () => login(proxied, USER, 'forkert', attacker)));
    expect(statuses(burst)).toEqual(Array(10).fill(401));
    // Throttled means throttled: the right password from there does not get in either (no oracle).
    expect((await login(proxied, USER, DEMO_PASSWORD, attacker)).status).toBe(429);
    expect((await login(proxied, USER, DEMO_PASSWORD, user)).status).toBe(200);
    expect((await login(proxied, USER, DEMO_PASSWORD, attacker)).status).toBe(429);
  });

  it('clears the (e-mail, address) count on the right password and counts only failures per address', async () => {
    const from = '203.0.113.30';
    for (let i = 0; i < 9; i++) expect((await login(proxied, USER, 'forkert', from)).status).toBe(401);
    expect((await login(proxied, USER, DEMO_PASSWORD, from)).status).toBe(200);
    expect(await counter(`email:${USER}|ip:${from}`)).toBeUndefined();
    expect(await failUntilLimited(proxied, () => USER, from, 10)).toBe(10);
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
