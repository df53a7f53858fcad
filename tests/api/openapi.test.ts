import fs from 'node:fs';
import { buildOpenApi } from '@tvaers/api/src/common/http/openapi';
import { startTestApp, type TestApp } from '../support/app';
import { offContract } from '../support/client';
import { openApiPath } from '../support/paths';

const committed = openApiPath;
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

// The committed document is the reviewed contract; regenerate with UPDATE_OPENAPI=1 npx jest -c jest.integration.config.js openapi
it('the committed docs/openapi.json matches what the code generates', () => {
  const generated = JSON.stringify(buildOpenApi(t.app), null, 2) + '\n';
  if (process.env.UPDATE_OPENAPI === '1') fs.writeFileSync(committed, generated);
  expect(fs.readFileSync(committed, 'utf8')).toBe(generated);
});

it('documents every route of the contract', async () => {
  const res = await offContract(t, 'GET', '/api/docs/openapi.json');
  expect(res.status).toBe(200);
  const doc = res.body as { paths: Record<string, object> };
  for (const p of [
    '/api/citizens',
    '/api/citizens/{id}/reveal-cpr',
    '/api/cases/{id}/plan',
    '/api/cases/{id}/plan/history',
    '/api/cases/{id}/plan/efforts/{effortId}',
    '/api/worklist',
    '/api/citizens/{id}/access-log',
  ]) {
    expect(Object.keys(doc.paths)).toContain(p);
  }
});
