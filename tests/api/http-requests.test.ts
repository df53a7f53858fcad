import http from 'node:http';
import { DEMO_PASSWORD } from '../support/app';
import { apiClient, expectProblem, offContract, type WireResponse } from '../support/client';
import { staffSuite, uniqueCpr } from '../support/factories';

const s = staffSuite();

// Only this file's rows: other test files create citizens and sessions at the same time.
const count = async (sql: string, params: unknown[] = []) =>
  Number((await s.ds.query<{ count: string }[]>(sql, params))[0].count);
const citizenCount = () =>
  count(`SELECT count(*) FROM citizen WHERE name IN ('Form Borger', 'Tekst Borger', 'Multipart Borger')`);
/** Sessions of this file's own staff member. */
const sessions = () => count('SELECT count(*) FROM session WHERE staff_id = $1', [s.sw.id]);

/** A POST of these bytes as this content type, with a session cookie or anonymous. */
const post = (path: string, type: string, body: string, session?: string) =>
  offContract(s.t, 'POST', path, { headers: { 'content-type': type, ...(session ? { cookie: session } : {}) }, body });

describe('media type of mutating requests', () => {
  const citizenForm = () => `cpr=${uniqueCpr()}&name=Form+Borger&benefit=kontanthjaelp`;

  it('refuses a form-encoded and a text/plain POST with 415 and creates nothing', async () => {
    const before = await citizenCount();
    const form = await post('/api/citizens', 'application/x-www-form-urlencoded', citizenForm(), s.sw.cookie);
    expectProblem(form, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const text = await post(
      '/api/citizens',
      'text/plain',
      JSON.stringify({ cpr: uniqueCpr(), name: 'Tekst Borger', benefit: 'kontanthjaelp' }),
      s.sw.cookie,
    );
    expectProblem(text, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const fields = { name: 'Multipart Borger', cpr: uniqueCpr() };
    const multipart = await post(
      '/api/citizens',
      'multipart/form-data; boundary=boundary',
      Object.entries(fields)
        .map(([name, value]) => `--boundary\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
        .join('') + '--boundary--\r\n',
      s.sw.cookie,
    );
    expectProblem(multipart, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(await citizenCount()).toBe(before);
  });

  it('refuses a non-JSON body on public routes with 415 and logs nobody in', async () => {
    const before = await sessions();
    const form = await post(
      '/api/auth/login',
      'application/x-www-form-urlencoded',
      `email=${encodeURIComponent(s.sw.email)}&password=${DEMO_PASSWORD}`,
    );
    expectProblem(form, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(form.headers.get('set-cookie')).toBeNull();
    const text = await post(
      '/api/auth/login',
      'text/plain;charset=UTF-8',
      JSON.stringify({ email: s.sw.email, password: DEMO_PASSWORD }),
    );
    expectProblem(text, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(await sessions()).toBe(before);
  });

  it('answers a protected route without a session with 401, not 415', async () => {
    const before = await citizenCount();
    const res = await post('/api/citizens', 'application/x-www-form-urlencoded', citizenForm());
    expectProblem(res, 401, 'UNAUTHENTICATED');
    expect(await citizenCount()).toBe(before);
  });

  it('accepts JSON with a UTF-8 charset', async () => {
    const res = await post(
      '/api/auth/login',
      'application/json; charset=utf-8',
      JSON.stringify({ email: s.sw.email, password: DEMO_PASSWORD }),
    );
    expect(res.status).toBe(200);
  });

  it('refuses JSON in another charset with 415', async () => {
    expectProblem(
      await post(
        '/api/auth/login',
        'application/json; charset=latin1',
        JSON.stringify({ email: s.sw.email, password: DEMO_PASSWORD }),
      ),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('accepts a POST without a body', async () => {
    const other = await s.t.login(s.sw.email);
    await apiClient(s.t, other).auth.logout();
  });
});

describe('origin', () => {
  it('treats Origin: null as another origin (403), also with a session', async () => {
    const before = await citizenCount();
    const headers = { origin: 'null' };
    const login = await apiClient(s.t).wire('post', '/api/auth/login', {
      headers,
      body: { email: s.sw.email, password: DEMO_PASSWORD },
    });
    expectProblem(login, 403, 'CROSS_SITE_REQUEST');
    const create = await s.api.wire('post', '/api/citizens', {
      headers,
      body: { cpr: uniqueCpr(), name: 'Null Borger', benefit: 'kontanthjaelp' },
    });
    expectProblem(create, 403, 'CROSS_SITE_REQUEST');
    expect(await citizenCount()).toBe(before);
  });
});

describe('NUL characters', () => {
  /** The refusal's field paths, after asserting it is a 400 VALIDATION_FAILED problem. */
  const invalidPaths = (res: WireResponse) => expectProblem(res, 400, 'VALIDATION_FAILED').errors?.map((e) => e.path);

  it('answers a NUL in the query with 400 naming the parameter', async () => {
    const res = await s.api.wire('get', '/api/citizens', { query: { q: '\u0000' } });
    expect(invalidPaths(res)).toEqual(['q']);
  });

  it('answers a NUL in a top-level and a nested JSON string with 400 and the dotted path', async () => {
    const before = await citizenCount();
    const top = await s.api.wire('post', '/api/citizens', {
      body: { cpr: uniqueCpr(), name: 'Nul\u0000Borger', benefit: 'kontanthjaelp' },
    });
    expect(invalidPaths(top)).toEqual(['name']);
    expect(await citizenCount()).toBe(before);

    const nested = await s.api.wire('post', '/api/meetings', {
      body: {
        caseId: '00000000-0000-4000-8000-000000000000',
        participants: [{ kind: 'citizen' }, { kind: 'doctor', name: 'Dr.\u0000 Hansen' }],
      },
    });
    expect(invalidPaths(nested)).toEqual(['participants.1.name']);
  });

  it('answers a NUL in an object key with 400 naming it', async () => {
    const res = await post(
      '/api/citizens',
      'application/json',
      '{"cpr": "0101901234", "extra": {"na\\u0000me": 1}}',
      s.sw.cookie,
    );
    expect(invalidPaths(res)).toEqual(['extra.na\\u0000me']);
  });

  it('answers a NUL in a public route body with 400', async () => {
    const res = await apiClient(s.t).wire('post', '/api/auth/login', {
      body: { email: s.sw.email, password: 'tvaers\u0000demo' },
    });
    expect(invalidPaths(res)).toEqual(['password']);
  });

  it('answers a NUL in a path id with a 4xx, never a 500', async () => {
    const res = await s.api.wire('get', '/api/citizens/{id}', { params: { id: '\u0000' } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('answers 401 first on protected routes without a session', async () => {
    const anonymous = apiClient(s.t);
    expectProblem(await anonymous.wire('get', '/api/citizens', { query: { q: '\u0000' } }), 401, 'UNAUTHENTICATED');
    const create = await anonymous.wire('post', '/api/citizens', {
      body: { cpr: uniqueCpr(), name: 'a\u0000', benefit: 'kontanthjaelp' },
    });
    expectProblem(create, 401, 'UNAUTHENTICATED');
  });
});

/** A POST whose body streams in chunks with no content-length, as a browser's stream upload would. */
function chunkedPost(path: string, body: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
    const req = http.request(
      `${s.t.url}${path}`,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), text }));
      },
    );
    req.on('error', reject);
    for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.slice(i, i + 64 * 1024));
    req.end();
  });
}

describe('body size', () => {
  const big = () => JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) });

  it('answers a 2 MiB JSON body with a 413 problem', async () => {
    const res = await post('/api/citizens', 'application/json', big(), s.sw.cookie);
    expectProblem(res, 413, 'BODY_TOO_LARGE');
    const login = await post('/api/auth/login', 'application/json', big());
    expectProblem(login, 413, 'BODY_TOO_LARGE');
  });

  it('answers 413 also for a chunked body without a length', async () => {
    const res = await chunkedPost('/api/auth/login', big());
    expect(res.status).toBe(413);
    expect(res.type).toMatch(/^application\/problem\+json/);
    expect((JSON.parse(res.text) as { code?: string }).code).toBe('BODY_TOO_LARGE');
  });

  it('answers a protected route without a session with 401 first', async () => {
    const res = await post('/api/citizens', 'application/json', big());
    expectProblem(res, 401, 'UNAUTHENTICATED');
  });
});
