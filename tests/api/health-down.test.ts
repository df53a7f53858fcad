import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close().catch(() => undefined));

it('answers 503 when the database no longer answers', async () => {
  await t.http().get('/api/health').expect(200);
  // Close this app's own pool: the server keeps running, the database is gone for it.
  await t.app.get(DataSource).destroy();
  const res = await t.http().get('/api/health');
  expect(res.status).toBe(503);
  expect(res.body).toEqual({ status: 'unavailable' });
});
