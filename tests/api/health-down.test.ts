import { Writable } from 'node:stream';
import { createLogger } from '@tvaers/api/src/common/logging/logger';
import { Client, type Pool } from 'pg';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/app';
import { type ApiClient, apiClient, expectProblem } from '../support/client';
import { createStaff } from '../support/factories';

const lines: { level: number; msg: string }[] = [];
let t: TestApp;
let api: ApiClient;
beforeAll(async () => {
  const sink = new Writable({
    write: (chunk, _e, cb) => (lines.push(JSON.parse(String(chunk)) as { level: number; msg: string }), cb()),
  });
  t = await startTestApp({}, createLogger('info', sink));
  ({ api } = await createStaff(t));
});
afterAll(() => t.close().catch(() => undefined));

it('answers 503 with Retry-After on every route while the database is away, and recovers without a restart', async () => {
  await apiClient(t).health();
  await api.auth.me();
  lines.length = 0;

  // This app's pool loses its connections and new ones are refused (a closed port): the database is gone
  // for it, as when PostgreSQL stops, while the other test files keep the shared server.
  type Options = { port?: number; connectionString?: string };
  const pool = (t.app.get(DataSource).driver as unknown as { master: Pool & { options: Options } }).master;
  const options = { ...pool.options };
  const closed = new URL(options.connectionString ?? 'postgres://127.0.0.1');
  closed.port = '1';
  Object.assign(pool.options, { port: 1, connectionString: closed.toString() });
  const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  const pids = (pool as unknown as { _clients: { processID: number }[] })._clients.map((c) => c.processID);
  await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pids]);
  await admin.end();
  const health = await apiClient(t).wire('get', '/api/health');
  expect(health.status).toBe(503);
  expect(health.body).toEqual({ status: 'unavailable' });
  expect(health.headers.get('retry-after')).toMatch(/^\d+$/);

  for (const res of [
    await api.wire('get', '/api/me'),
    await api.wire('get', '/api/citizens', { query: { q: 'x' } }),
    await api.wire('get', '/api/cases'),
  ]) {
    expectProblem(res, 503, 'DATABASE_UNAVAILABLE');
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
  }
  const login = await apiClient(t).wire('post', '/api/auth/login', {
    body: { email: 'x@example.org', password: 'whatever-it-is' },
  });
  expect(login.status).toBe(503);
  // One warning for the outage, no error (and no stack) per request.
  expect(lines.filter((l) => l.level === 40)).toHaveLength(1);
  expect(lines.filter((l) => l.level >= 50)).toHaveLength(0);

  // The database returns: the same process answers again, and says so once.
  Object.assign(pool.options, options);
  await apiClient(t).health();
  await api.auth.me();
  await api.auth.me();
  expect(lines.filter((l) => l.msg === 'database available again')).toHaveLength(1);
});
