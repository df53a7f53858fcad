// The request log: one line per answered request, with what an operator needs and nothing of a citizen's.
import { Writable } from 'node:stream';
import { createLogger } from '@tvaers/api/src/common/logging/logger';
import { startTestApp, type TestApp } from '../support/app';
import { createStaff, type Staff } from '../support/factories';

let t: TestApp;
let staff: Staff;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write: (chunk, _e, cb) => (lines.push(JSON.parse(String(chunk)) as Record<string, unknown>), cb()),
  });
  t = await startTestApp({}, createLogger('info', sink));
  staff = await createStaff(t);
});
afterAll(() => t.close());

it('writes one line per request, when it is answered: method, scrubbed URL, status and time', async () => {
  lines.length = 0;
  await staff.api.citizens.search({ q: '010190-1234' });
  const requests = lines.filter((l) => (l.req as { url?: string } | undefined)?.url?.startsWith('/api/citizens'));
  expect(requests).toHaveLength(1);
  expect(requests[0]).toMatchObject({
    msg: 'request completed',
    req: { method: 'GET', url: '/api/citizens?q=[cpr]' },
    res: { statusCode: 200 },
  });
  expect(typeof requests[0].responseTime).toBe('number');
  expect(JSON.stringify(lines)).not.toContain('010190');
});
