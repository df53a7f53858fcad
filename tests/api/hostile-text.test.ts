import { Writable } from 'node:stream';
import { CitizensService } from '@tvaers/api/src/citizens/citizens.service';
import { createLogger } from '@tvaers/api/src/common/logging/logger';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/app';
import { apiClient, offContract } from '../support/client';
import { createStaff } from '../support/factories';

const lines: string[] = [];
let t: TestApp;
let cookie: string;
beforeAll(async () => {
  // The app's own logger configuration, written to this file's capture.
  const sink = new Writable({ write: (chunk, _e, cb) => (lines.push(String(chunk)), cb()) });
  t = await startTestApp({}, createLogger('info', sink));
  cookie = (await createStaff(t)).cookie;
});
afterAll(() => t.close());
afterEach(() => jest.restoreAllMocks());

/** `[[[…]]]` nested `depth` levels, padded with spaces to about 1 MiB so it is within the body limit. */
const deepBody = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** A POST of these bytes as they are. */
const post = async (path: string, body: string, headers: Record<string, string> = {}) => {
  const res = await offContract(t, 'POST', path, { headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, body: res.body as { code?: string; errors?: { message: string }[] } };
};

describe('a deeply nested JSON body', () => {
  it('is a 400 before it is parsed; a normal body still parses', async () => {
    const parse = jest.spyOn(JSON, 'parse');
    const body = deepBody(500_000);
    expect(body.length).toBeGreaterThan(999_000);
    const res = await post('/api/citizens', body, { cookie });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors?.[0].message).toMatch(/deeper than 32/);
    expect(parse.mock.calls.some(([text]) => typeof text === 'string' && text.length > 1000)).toBe(false);

    // Within the limit: parsed, so the answer is about the fields.
    const ok = await post('/api/citizens', '{"a":' + deepBody(30) + '}', { cookie });
    expect(ok.status).toBe(400);
    expect(ok.body.errors?.[0].message).not.toMatch(/deeper/);
  });

  it('without a session is a 401, and health answers while eight are in flight', async () => {
    const body = deepBody(500_000);
    const deep = Array.from({ length: 8 }, () => post('/api/citizens', body));
    expect(await apiClient(t).health()).toEqual({ status: 'ok' });
    for (const res of await Promise.all(deep)) expect(res.status).toBe(401);
  });
});

describe('a failing SQL statement', () => {
  it('is logged without its parameters or the request body', async () => {
    const db = t.app.get(DataSource);
    jest
      .spyOn(CitizensService.prototype, 'search')
      .mockImplementation(() => db.query(`SELECT $1::int AS n`, ['Hemmelig Hansen']));
    lines.length = 0;
    const res = await fetch(`${t.url}/api/citizens?q=Hemmelig%20Hansen`, { headers: { cookie } });
    expect(res.status).toBe(500);
    const logged = lines.filter((l) => l.includes('unhandled error'));
    expect(logged).toHaveLength(1);
    // The error is there (its message names what failed), its values are not.
    expect(logged[0]).toContain('invalid input syntax');
    expect(logged[0]).toContain('"code":"22P02"');
    expect(logged[0]).not.toMatch(/Hemmelig|parameters|SELECT/);
  });
});

describe('text that cannot be stored, outside the body', () => {
  it('is a 400 in a query string and a 404 in a path id', async () => {
    const nul = await fetch(`${t.url}/api/citizens?q=a%00b`, { headers: { cookie } });
    expect(nul.status).toBe(400);
    // Percent-encoded surrogate halves are invalid UTF-8: a URL cannot carry one, the text stays as sent.
    for (const q of ['%ED%A0%80', 'a%F0%9F']) {
      const res = await fetch(`${t.url}/api/citizens?q=${q}`, { headers: { cookie } });
      expect(res.status).toBe(200);
    }
    for (const id of ['%ED%A0%80', '%00', '%FF']) {
      const res = await fetch(`${t.url}/api/citizens/${id}`, { headers: { cookie } });
      expect(res.status).toBeLessThan(500);
      expect([400, 404]).toContain(res.status);
    }
  });
});

describe('a body that is not an object', () => {
  it('is a 400 naming the body, also where every field is optional', async () => {
    // PATCH /api/cases/:id takes only optional fields: `null` would otherwise read as "change nothing".
    const id = '00000000-0000-4000-8000-000000000000';
    for (const body of ['null', '[]', '"text"', '42', 'true']) {
      for (const [method, path] of [
        ['POST', '/api/citizens'],
        ['PATCH', `/api/cases/${id}`],
      ]) {
        const res = await fetch(`${t.url}${path}`, {
          method,
          headers: { cookie, 'content-type': 'application/json' },
          body,
        });
        expect([method, path, body, res.status]).toEqual([method, path, body, 400]);
        const problem = (await res.json()) as { code: string; errors: { path: string }[] };
        expect(problem.code).toBe('VALIDATION_FAILED');
        expect(problem.errors[0].path).toBe('(body)');
      }
    }
  });
});
