import { io } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { demo, DEMO_PASSWORD, startTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const expectProblem = (
  res: { status: number; headers: Record<string, string>; body: { status: number; title: string } },
  status: number,
) => {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.status).toBe(status);
  expect(typeof res.body.title).toBe('string');
};

describe('health and docs', () => {
  it('reports a healthy database without a session', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('publishes OpenAPI with the /api prefix and public routes marked security: []', async () => {
    const res = await t.http().get('/api/docs/openapi.json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.paths['/api/auth/login'].post.security).toEqual([]);
    expect(res.body.paths['/api/health'].get.security).toEqual([]);
    expect(res.body.paths['/api/me'].get.security ?? res.body.security).toEqual([{ session: [] }]);
    expect(res.body.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual([
      'email',
      'password',
    ]);
  });
});

describe('sessions', () => {
  it('answers /api/me without a session with a 401 problem', async () => {
    expectProblem(await t.http().get('/api/me'), 401);
  });

  it.each([
    [demo.manager, ['manager'], 'employment'],
    [demo.caseworker, ['caseworker'], 'employment'],
    [demo.social, ['caseworker'], 'social'],
    [demo.health, ['health'], 'health'],
    [demo.admin, ['admin'], 'employment'],
  ])('logs in %s with the right role', async (email, roles, discipline) => {
    const res = await t.http().post('/api/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await t.http().get('/api/me').set('cookie', cookie.split(';')[0]).expect(200);
    expect(me.body).toMatchObject({ email, roles, discipline });
    expect(me.body.teamIds.length).toBeGreaterThan(0);
    expect(me.body).not.toHaveProperty('passwordHash');
  });

  it('refuses a wrong password and an unknown e-mail alike with 401', async () => {
    const a = await t.http().post('/api/auth/login').send({ email: demo.caseworker, password: 'forkert' });
    const b = await t.http().post('/api/auth/login').send({ email: 'ingen@demo.tvaers.dk', password: 'forkert' });
    expectProblem(a, 401);
    expectProblem(b, 401);
    expect(a.body.code).toBe('INVALID_CREDENTIALS');
    expect(b.body).toEqual(a.body);
  });

  it('stops password guessing with 429 after 10 failures for one e-mail', async () => {
    const email = `gaet-${Date.now()}@demo.tvaers.dk`;
    for (let i = 0; i < 10; i++)
      expectProblem(
        await t
          .http()
          .post('/api/auth/login')
          .send({ email, password: `forkert${i}` }),
        401,
      );
    const limited = await t.http().post('/api/auth/login').send({ email, password: 'forkert' });
    expectProblem(limited, 429);
    expect(limited.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
  });

  it('answers an empty body with 400 naming each field', async () => {
    const res = await t.http().post('/api/auth/login');
    expectProblem(res, 400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['email', 'password']);
  });

  it('answers malformed JSON with 400, never 500', async () => {
    const res = await t.http().post('/api/auth/login').set('content-type', 'application/json').send('{"email": ');
    expectProblem(res, 400);
    expect(res.body.code).toBe('MALFORMED_JSON');
    const empty = await t.http().post('/api/auth/login').set('content-type', 'application/json').send('');
    expectProblem(empty, 400);
  });

  it('answers a protected route with 401 before looking at its body', async () => {
    const res = await t.http().post('/api/meetings').set('content-type', 'application/json').send('{nope');
    expectProblem(res, 401);
  });

  it('logs out (204) and the cookie stops working; logout without a session is 204 too', async () => {
    const cookie = await t.login(demo.caseworker);
    await t.http().post('/api/auth/logout').set('cookie', cookie).expect(204);
    expectProblem(await t.http().get('/api/me').set('cookie', cookie), 401);
    await t.http().post('/api/auth/logout').expect(204);
  });

  it('refuses cross-site mutating requests but accepts same-origin and non-browser ones', async () => {
    const host = new URL(t.url).host;
    const cross = await t
      .http()
      .post('/api/auth/login')
      .set('origin', 'https://evil.example')
      .send({ email: demo.caseworker, password: DEMO_PASSWORD });
    expectProblem(cross, 403);
    expect(cross.body.code).toBe('CROSS_SITE_REQUEST');
    await t
      .http()
      .post('/api/auth/login')
      .set('origin', `http://${host}`)
      .send({ email: demo.caseworker, password: DEMO_PASSWORD })
      .expect(200);
    await t.http().post('/api/auth/login').send({ email: demo.caseworker, password: DEMO_PASSWORD }).expect(200);
  });

  it('answers unknown API routes with a 404 problem and serves the web app elsewhere', async () => {
    expectProblem(await t.http().get('/api/no-such-thing'), 404);
    expectProblem(await t.http().post('/api/no-such-thing').send({}), 404);
    const page = await t.http().get('/m/some-guest-token');
    expect([200, 503]).toContain(page.status);
    if (page.status === 200) expect(page.text).toContain('<div id="root">');
  });
});

describe('meetings calendar', () => {
  const week = (offsetWeeks: number) => {
    const now = new Date();
    const monday = new Date(now);
    monday.setUTCDate(now.getUTCDate() - ((now.getUTCDay() + 6) % 7) + offsetWeeks * 7);
    monday.setUTCHours(0, 0, 0, 0);
    const next = new Date(monday);
    next.setUTCDate(monday.getUTCDate() + 7);
    return { from: monday.toISOString(), to: next.toISOString() };
  };

  it.each([demo.caseworker, demo.social])('%s has meetings this week and next week', async (email) => {
    const cookie = await t.login(email);
    for (const w of [0, 1]) {
      const res = await t.http().get('/api/meetings').query(week(w)).set('cookie', cookie).expect(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      for (const m of res.body.items) {
        expect(m.participants.some((p: { kind: string; name: string }) => p.kind === 'staff')).toBe(true);
        if (m.status !== 'proposed') {
          expect(Date.parse(m.start) < Date.parse(week(w).to) && Date.parse(m.end) > Date.parse(week(w).from)).toBe(
            true,
          );
        }
      }
    }
  });

  it('needs a session', async () => {
    expectProblem(await t.http().get('/api/meetings').query(week(0)), 401);
  });

  it('names each bad query field', async () => {
    const cookie = await t.login(demo.caseworker);
    const res = await t.http().get('/api/meetings').query({ from: 'i går' }).set('cookie', cookie);
    expectProblem(res, 400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['from', 'to']);
  });

  it('answers an unknown or malformed meeting id with 404', async () => {
    const cookie = await t.login(demo.caseworker);
    expectProblem(await t.http().get('/api/meetings/00000000-0000-4000-8000-000000000000').set('cookie', cookie), 404);
    expectProblem(await t.http().get('/api/meetings/not-a-uuid').set('cookie', cookie), 404);
  });

  it("hides another team's calendar (404)", async () => {
    const cookie = await t.login(demo.caseworker);
    const ds = t.app.get(DataSource);
    const [other] = await ds.query(`SELECT id FROM staff WHERE email = 'mette.skov@demo.tvaers.dk'`);
    expectProblem(
      await t
        .http()
        .get('/api/meetings')
        .query({ ...week(0), staffId: other.id })
        .set('cookie', cookie),
      404,
    );
  });

  it('records the calendar read in the audit log, per citizen', async () => {
    const cookie = await t.login(demo.social);
    const me = await t.http().get('/api/me').set('cookie', cookie).expect(200);
    const ds = t.app.get(DataSource);
    const before = Number(
      (
        await ds.query(`SELECT count(*) FROM audit_entry WHERE actor_id = $1 AND action = 'meetings.list'`, [
          me.body.id,
        ])
      )[0].count,
    );
    const res = await t.http().get('/api/meetings').query(week(0)).set('cookie', cookie).expect(200);
    const citizens = new Set(res.body.items.map((m: { caseId: string }) => m.caseId)).size;
    const after = Number(
      (
        await ds.query(`SELECT count(*) FROM audit_entry WHERE actor_id = $1 AND action = 'meetings.list'`, [
          me.body.id,
        ])
      )[0].count,
    );
    expect(after - before).toBe(citizens);
  });
});

describe('live connection', () => {
  it('refuses a socket without a session and accepts one with the cookie', async () => {
    const refused = io(t.url, { path: '/socket.io', transports: ['websocket'], reconnection: false });
    const err = await new Promise<Error>((resolve) => refused.on('connect_error', resolve));
    expect(err.message).toBe('UNAUTHENTICATED');
    refused.close();

    const cookie = await t.login(demo.caseworker);
    const ok = io(t.url, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { cookie },
    });
    await new Promise<void>((resolve, reject) => {
      ok.on('connect', resolve);
      ok.on('connect_error', reject);
    });
    expect(ok.connected).toBe(true);
    ok.close();
  });
});
