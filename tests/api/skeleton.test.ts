import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { toLocal } from '@tvaers/domain';
import { demo, DEMO_PASSWORD, startTestApp, type TestApp } from '../support/app';
import { apiClient, expectProblem, invalid, offContract, problem } from '../support/client';

const JSON_TYPE = { 'content-type': 'application/json' };
import { createCase, createMeeting, createStaff, staffSuite } from '../support/factories';
import { auditCount } from '../support/audit';

const s = staffSuite();

describe('health and docs', () => {
  it('reports a healthy database without a session', async () => {
    expect(await apiClient(s.t).health()).toEqual({ status: 'ok' });
  });

  it('publishes OpenAPI with the /api prefix and public routes marked security: []', async () => {
    const res = await offContract(s.t, 'GET', '/api/docs/openapi.json');
    expect(res.status).toBe(200);
    interface Schema {
      $ref?: string;
      required?: string[];
    }
    interface Operation {
      security?: unknown;
      requestBody: { content: Record<string, { schema: Schema }> };
    }
    const doc = res.body as {
      openapi: string;
      security?: unknown;
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, Schema> };
    };
    // A named contract schema stands once under components; a route refers to it.
    const resolved = (schema: Schema) =>
      schema.$ref ? doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/auth/login'].post.security).toEqual([]);
    expect(doc.paths['/api/health'].get.security).toEqual([]);
    expect(doc.paths['/api/me'].get.security ?? doc.security).toEqual([{ session: [] }]);
    const login = doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema;
    expect(login.$ref).toBe('#/components/schemas/LoginRequest');
    expect(resolved(login).required).toEqual(['email', 'password']);
  });
});

describe('sessions', () => {
  it('answers /api/me without a session with a 401 problem', async () => {
    expectProblem(await apiClient(s.t).wire('get', '/api/me'), 401);
  });

  // The demo logins are part of the demo data's promise (docs/api.md).
  it.each([
    [demo.manager, ['manager'], 'employment'],
    [demo.caseworker, ['caseworker'], 'employment'],
    [demo.social, ['caseworker'], 'social'],
    [demo.health, ['health'], 'health'],
    [demo.admin, ['admin'], 'employment'],
  ])('logs in demo user %s with the right role', async (email, roles, discipline) => {
    const res = await apiClient(s.t).wire('post', '/api/auth/login', { body: { email, password: DEMO_PASSWORD } });
    expect(res.status).toBe(200);
    const cookie = String(res.headers.get('set-cookie'));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const api = apiClient(s.t, cookie.split(';')[0]);
    const me = await api.auth.me();
    expect(me).toMatchObject({ email, roles, discipline });
    expect(me.teamIds.length).toBeGreaterThan(0);
    expect(me).not.toHaveProperty('passwordHash');
    await api.auth.logout(); // the demo user's sessions are shared
  });

  it('refuses a wrong password and an unknown e-mail alike with 401', async () => {
    const login = (email: string) =>
      apiClient(s.t).wire('post', '/api/auth/login', { body: { email, password: 'forkert' } });
    const a = await login(s.sw.email);
    const b = await login('ingen@test.tvaers.dk');
    const problemA = expectProblem(a, 401);
    expectProblem(b, 401);
    expect(problemA.code).toBe('INVALID_CREDENTIALS');
    expect(b.body).toEqual(a.body);
  });

  it('stops password guessing with 429 after 10 failures for one e-mail', async () => {
    const email = `gaet-${Date.now()}@test.tvaers.dk`;
    for (let i = 0; i < 10; i++) {
      const res = await apiClient(s.t).wire('post', '/api/auth/login', { body: { email, password: `forkert${i}` } });
      expectProblem(res, 401);
    }
    const limited = await apiClient(s.t).wire('post', '/api/auth/login', { body: { email, password: 'forkert' } });
    expect(expectProblem(limited, 429).code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
  });

  it('answers an empty body with 400 naming each field', async () => {
    const res = await problem(apiClient(s.t).auth.login(invalid({})));
    expect(res).toMatchObject({ status: 400, paths: ['email', 'password'] });
  });

  it('answers malformed JSON with 400 MALFORMED_JSON, never 500', async () => {
    const res = await offContract(s.t, 'POST', '/api/auth/login', { headers: JSON_TYPE, body: '{"email": ' });
    expect(expectProblem(res, 400).code).toBe('MALFORMED_JSON');
  });

  it('answers an empty JSON body with 400', async () => {
    expectProblem(await offContract(s.t, 'POST', '/api/auth/login', { headers: JSON_TYPE, body: '' }), 400);
  });

  it('answers a protected route with 401 before looking at its body', async () => {
    const res = await offContract(s.t, 'POST', '/api/meetings', { headers: JSON_TYPE, body: '{nope' });
    expectProblem(res, 401);
  });

  it('logs out (204) and the cookie stops working', async () => {
    const { cookie } = await apiClient(s.t).auth.login({ email: s.sw.email, password: DEMO_PASSWORD });
    await apiClient(s.t, cookie).auth.logout();
    expect((await problem(apiClient(s.t, cookie).auth.me())).status).toBe(401);
  });

  it('answers a logout without a session with 204 too', async () => {
    await apiClient(s.t).auth.logout();
  });

  it('refuses a cross-site login (403 CROSS_SITE_REQUEST)', async () => {
    const cross = await apiClient(s.t).wire('post', '/api/auth/login', {
      headers: { origin: 'https://evil.example' },
      body: { email: s.sw.email, password: DEMO_PASSWORD },
    });
    expect(expectProblem(cross, 403).code).toBe('CROSS_SITE_REQUEST');
  });

  it('accepts a same-origin login', async () => {
    const res = await apiClient(s.t).wire('post', '/api/auth/login', {
      headers: { origin: `http://${new URL(s.t.url).host}` },
      body: { email: s.sw.email, password: DEMO_PASSWORD },
    });
    expect(res.status).toBe(200);
  });

  it('accepts a login without an Origin (non-browser clients)', async () => {
    await apiClient(s.t).auth.login({ email: s.sw.email, password: DEMO_PASSWORD });
  });

  it('answers unknown API routes with a 404 problem', async () => {
    expectProblem(await offContract(s.t, 'GET', '/api/no-such-thing'), 404);
    expectProblem(await offContract(s.t, 'POST', '/api/no-such-thing', { headers: JSON_TYPE, body: '{}' }), 404);
  });
});

describe('the web app', () => {
  const dirs: string[] = [];
  const apps: TestApp[] = [];
  /** An app serving the web app from a directory of its own. */
  const serving = async (indexHtml?: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvaers-web-'));
    dirs.push(dir);
    if (indexHtml) fs.writeFileSync(path.join(dir, 'index.html'), indexHtml);
    const app = await startTestApp({ WEB_DIST: dir });
    apps.push(app);
    return app;
  };
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html for a client route', async () => {
    const web = await serving('<!doctype html><div id="root"></div>');
    const page = await offContract(web, 'GET', '/m/some-guest-token');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
  });

  it('serves index.html uncached, so a deploy reaches browsers at once', async () => {
    const web = await serving('<!doctype html><div id="root"></div>');
    for (const url of ['/', '/cases']) {
      const page = await offContract(web, 'GET', url);
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('answers 503 with a hint when the web app is not built', async () => {
    const web = await serving();
    const page = await offContract(web, 'GET', '/m/some-guest-token');
    expect(page.status).toBe(503);
    expect(page.body).toContain('npm run build');
  });
});

describe('meetings calendar', () => {
  // The calendar's weeks are Copenhagen weeks (Sunday 23:30 UTC is already Monday there).
  const week = (offsetWeeks: number) => {
    const monday = toLocal(new Date()).startOf('week').plus({ weeks: offsetWeeks });
    return { from: monday.toUTC().toISO()!, to: monday.plus({ weeks: 1 }).toUTC().toISO()! };
  };
  const fromNow = () => ({ from: new Date().toISOString(), to: new Date(Date.now() + 7 * 86_400_000).toISOString() });

  // The demo data promises meetings in both weeks to the two demo caseworkers (docs/api.md).
  it.each([demo.caseworker, demo.social])('demo user %s has meetings this week and next week', async (email) => {
    const api = apiClient(s.t, await s.t.login(email));
    for (const w of [0, 1]) {
      const res = await api.meetings.list(week(w));
      expect(res.items.length).toBeGreaterThan(0);
      for (const m of res.items) {
        expect(m.participants.some((p) => p.kind === 'staff')).toBe(true);
        if (m.status !== 'proposed') {
          expect(Date.parse(m.start!) < Date.parse(week(w).to) && Date.parse(m.end!) > Date.parse(week(w).from)).toBe(
            true,
          );
        }
      }
    }
    await api.auth.logout();
  });

  it('needs a session', async () => {
    expect((await problem(apiClient(s.t).meetings.list(week(0)))).status).toBe(401);
  });

  it('names each bad query field', async () => {
    const res = await problem(s.sw.api.meetings.list(invalid({ from: 'i går' })));
    expect(res).toMatchObject({ status: 400, paths: ['from', 'to'] });
  });

  it('answers an unknown meeting id with 404', async () => {
    expect((await problem(s.sw.api.meetings.get('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
  });

  it('answers a malformed meeting id with 404', async () => {
    expect((await problem(s.sw.api.meetings.get('not-a-uuid'))).status).toBe(404);
  });

  it("hides another team's calendar (404)", async () => {
    const other = await createStaff(s.t);
    expect((await problem(s.sw.api.meetings.list({ ...week(0), staffId: other.id }))).status).toBe(404);
  });

  it('records the calendar read in the audit log, once per citizen', async () => {
    const social = await createStaff(s.t, { kind: 'social' });
    for (let i = 0; i < 2; i++) {
      const { kase } = await createCase(s.t, social.cookie, social.id);
      await createMeeting(s.t, kase.id, social);
      await createMeeting(s.t, kase.id, social);
    }
    const reads = () => auditCount(s.ds, { actorId: social.id, action: 'meetings.list' });
    const before = await reads();
    expect((await social.api.meetings.list(fromNow())).items).toHaveLength(4);
    expect((await reads()) - before).toBe(2);
  });
});

describe('live connection', () => {
  it('refuses a socket without a session', async () => {
    await expect(s.t.connect({})).rejects.toThrow('UNAUTHENTICATED');
  });

  it('accepts a socket with the session cookie', async () => {
    const ok = await s.t.connect({ cookie: s.sw.cookie });
    expect(ok.connected).toBe(true);
    ok.close();
  });
});
