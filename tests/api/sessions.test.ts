// Staff sessions: an idle timeout and an absolute end (configurable), the cookie's name and flags, a person's
// list of their own sessions, ending one, and logging out everywhere. Times are moved in the database, not waited.
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@tvaers/api/src/config/config';
import { demoLoginsLeft } from '@tvaers/api/src/demo/demo-logins';
import { hashPassword } from '@tvaers/api/src/people/password';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/app';
import { apiClient, problem } from '../support/client';
import { createStaff, type Staff } from '../support/factories';

let t: TestApp;
let db: DataSource;
beforeAll(async () => {
  t = await startTestApp();
  db = t.app.get(DataSource);
});
afterAll(() => t?.close());

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0';
const EDGE =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0';

/** Logs in with this User-Agent: the cookie header value and the whole Set-Cookie line. */
async function login(app: TestApp, email: string, userAgent = FIREFOX) {
  const res = await apiClient(app).wire('post', '/api/auth/login', {
    headers: { 'user-agent': userAgent },
    body: { email, password: DEMO_PASSWORD },
  });
  expect(res.status).toBe(200);
  const [setCookie] = res.headers.getSetCookie();
  return { cookie: setCookie.split(';')[0], setCookie };
}
const idOf = (cookie: string) => createHash('sha256').update(cookie.split('=')[1]).digest('hex');
/** Who this cookie is, as the wire says it: 200, or 401 for an ended session. */
const me = (cookie: string, app = t) => apiClient(app, cookie).wire('get', '/api/me');
/** Moves a session's times into the past, as if that much time had gone by. */
const age = (cookie: string, set: string) => db.query(`UPDATE session SET ${set} WHERE id = $1`, [idOf(cookie)]);
const lastSeen = async (cookie: string): Promise<Date> =>
  (await db.query<{ last_seen_at: Date }[]>(`SELECT last_seen_at FROM session WHERE id = $1`, [idOf(cookie)]))[0]
    .last_seen_at;

const list = async (cookie: string) => (await apiClient(t, cookie).auth.sessions()).items;

let person: Staff;
beforeEach(async () => {
  person = await createStaff(t);
});

describe('timeouts', () => {
  it('ends a session idle for 31 minutes, and keeps one used 29 minutes ago (moving its last use)', async () => {
    const idle = (await login(t, person.email)).cookie;
    const used = (await login(t, person.email)).cookie;
    await age(idle, `last_seen_at = now() - interval '31 minutes'`);
    await age(used, `last_seen_at = now() - interval '29 minutes'`);
    const aged = await lastSeen(used);
    expect((await me(idle)).status).toBe(401);
    expect((await me(used)).status).toBe(200);
    expect((await lastSeen(used)).getTime()).toBeGreaterThan(aged.getTime());
  });

  it('ends a session 12 hours after its login, however busy', async () => {
    const { cookie } = await login(t, person.email);
    const [{ hours }] = await db.query<{ hours: string }[]>(
      `SELECT extract(epoch FROM expires_at - created_at) / 3600 AS hours FROM session WHERE id = $1`,
      [idOf(cookie)],
    );
    expect(Number(hours)).toBeCloseTo(12, 2);
    await age(cookie, `created_at = now() - interval '12 hours 1 minute', expires_at = now() - interval '1 minute'`);
    expect((await me(cookie)).status).toBe(401);
  });

  it('takes both from the configuration (SESSION_IDLE_MINUTES, SESSION_TTL_HOURS)', async () => {
    expect(loadConfig({}).sessionIdleMs).toBe(30 * 60_000);
    expect(loadConfig({ SESSION_IDLE_MINUTES: '5', SESSION_TTL_HOURS: '8' })).toMatchObject({
      sessionIdleMs: 5 * 60_000,
      sessionTtlMs: 8 * 3600_000,
    });
    const short = await startTestApp({ SESSION_IDLE_MINUTES: '5' });
    try {
      const { cookie } = await login(short, person.email);
      await age(cookie, `last_seen_at = now() - interval '6 minutes'`);
      expect((await me(cookie, short)).status).toBe(401);
    } finally {
      await short.close();
    }
  });
});

describe('the cookie', () => {
  it('is HttpOnly and SameSite=Lax, and not Secure on a plain-http demo', async () => {
    const { setCookie } = await login(t, person.email);
    expect(setCookie).toMatch(/^tvaers_session=/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
  });

  it('is __Host-tvaers_session and Secure when served over https, and only that name is read', async () => {
    const https = await startTestApp({ PUBLIC_BASE_URL: 'https://tvaers.example.dk' });
    try {
      const { cookie, setCookie } = await login(https, person.email);
      expect(setCookie).toMatch(/^__Host-tvaers_session=/);
      expect(setCookie).toMatch(/; Secure/);
      expect(setCookie).toMatch(/; Path=\//);
      expect(setCookie).not.toMatch(/Domain=/i);
      expect((await me(cookie, https)).status).toBe(200);
      expect((await me(cookie.replace('__Host-', ''), https)).status).toBe(401);
    } finally {
      await https.close();
    }
  });
});

describe('my sessions', () => {
  it('lists my live sessions with browser and system, marks this one, and ends another', async () => {
    const here = (await login(t, person.email, FIREFOX)).cookie;
    const there = (await login(t, person.email, EDGE)).cookie;
    const ended = (await login(t, person.email)).cookie;
    await age(ended, `last_seen_at = now() - interval '31 minutes'`);
    const items = await list(here);
    // Besides these two, the factory's own login (no User-Agent); never the idle one.
    expect(items.map((s) => s.id)).toEqual(expect.arrayContaining([idOf(here), idOf(there)]));
    expect(items.map((s) => s.id)).not.toContain(idOf(ended));
    expect(items.filter((s) => s.current)).toHaveLength(1);
    expect(items.find((s) => s.current)).toMatchObject({ id: idOf(here), browser: 'Firefox', system: 'Linux' });
    expect(items.find((s) => s.id === idOf(there))).toMatchObject({
      current: false,
      browser: 'Edge',
      system: 'Windows',
    });

    await apiClient(t, here).auth.endSession(idOf(there));
    expect((await me(there)).status).toBe(401);
    expect((await me(here)).status).toBe(200);
    expect((await list(here)).map((s) => s.id)).not.toContain(idOf(there));
  });

  it("answers 404 for another person's session and for a malformed id, and ends nothing", async () => {
    const mine = (await login(t, person.email)).cookie;
    const theirs = (await login(t, (await createStaff(t)).email)).cookie;
    for (const id of [idOf(theirs), 'not-a-session']) {
      expect((await problem(apiClient(t, mine).auth.endSession(id))).status).toBe(404);
    }
    expect((await me(theirs)).status).toBe(200);
  });

  it('logs out everywhere: every session of mine ends, this one too, and no one else’s', async () => {
    const here = (await login(t, person.email)).cookie;
    const there = (await login(t, person.email, EDGE)).cookie;
    const colleague = (await login(t, (await createStaff(t)).email)).cookie;
    const res = await apiClient(t, here).wire('post', '/api/auth/sessions/logout-all', { body: {} });
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie().join()).toMatch(/^tvaers_session=;/);
    expect((await me(there)).status).toBe(401);
    expect((await me(here)).status).toBe(401);
    expect((await me(colleague)).status).toBe(200);
  });

  it('needs a session (401)', async () => {
    expect((await problem(apiClient(t).auth.sessions())).status).toBe(401);
    expect((await problem(apiClient(t).auth.logoutEverywhere())).status).toBe(401);
  });
});

describe('listening and demo users', () => {
  it('listens on 127.0.0.1 in demo mode unless HOST is set, on every interface otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ DEMO_MODE: 'false' }).host).toBe('0.0.0.0');
  });

  it('finds the demo accounts that open with the published password (production refuses to start on them)', async () => {
    const demo = await db.query<{ id: string }[]>(
      `SELECT id FROM staff WHERE email = 'admin@demo.tvaers.dk' AND active`,
    );
    expect(demo).toHaveLength(1); // the test database holds the demo seed
    expect(await demoLoginsLeft(db)).toContain('admin@demo.tvaers.dk');
    // Not this file's people: the same password, but no demo accounts.
    expect(await demoLoginsLeft(db)).not.toContain(person.email);
    // Only while the published password opens the account: one of this file's people stands in for a demo account.
    expect(await demoLoginsLeft(db, [person.email])).toEqual([person.email]);
    await db.query(`UPDATE staff SET password_hash = $2 WHERE id = $1`, [
      person.id,
      await hashPassword('x'.repeat(20)),
    ]);
    expect(await demoLoginsLeft(db, [person.email])).toEqual([]);
  });
});
