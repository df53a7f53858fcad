import { demo, startTestApp, type TestApp } from '../support/app';
import { createCase } from '../support/factories';

let t: TestApp;
let cw: string;
let cwId: string;
beforeAll(async () => {
  t = await startTestApp();
  cw = await t.login(demo.caseworker);
  cwId = (await t.http().get('/api/me').set('cookie', cw)).body.id;
});
afterAll(() => t.close());

const unknown = '00000000-0000-4000-8000-000000000000';
type Method = 'get' | 'post' | 'put' | 'patch';
const routes: [Method, string, object?][] = [
  ['get', '/api/citizens/:id'],
  ['post', '/api/citizens/:id/reveal-cpr', { reason: 'Brev til borger' }],
  ['get', '/api/citizens/:id/consents'],
  ['put', '/api/citizens/:id/consents/health_in_unit', { given: true }],
  ['get', '/api/cases/:id'],
  ['patch', '/api/cases/:id', { weight: 1 }],
  ['put', '/api/cases/:id/members', { staffId: unknown, role: 'sundhedskoordinator' }],
  ['get', '/api/cases/:id/plan'],
  ['put', '/api/cases/:id/plan', { jobGoal: 'x' }],
  ['post', '/api/cases/:id/plan/review', {}],
  ['post', '/api/cases/:id/plan/efforts', { type: 'mentor', title: 'Mentor', discipline: 'employment' }],
  ['patch', `/api/cases/:id/plan/efforts/${unknown}`, { title: 'x' }],
  ['get', '/api/cases/:id/plan/history'],
  ['get', '/api/cases/:id/requests'],
  ['post', '/api/cases/:id/requests', { kind: 'effort', description: 'Ønsker mentor' }],
  ['post', `/api/cases/:id/requests/${unknown}/decision`, { decision: 'granted', reason: 'Bevilget' }],
  ['get', '/api/cases/:id/exemptions'],
  ['post', '/api/cases/:id/exemptions', { startDate: '2027-01-01', endDate: '2027-02-01', reason: 'Sygdom' }],
  ['get', '/api/cases/:id/indicators'],
  ['post', '/api/cases/:id/indicators', { ratedBy: 'citizen', scores: { job_belief: 5 } }],
];

describe.each(routes)('%s %s', (method, path, body) => {
  const url = path.replace(':id', unknown);
  it('needs a session (401)', async () => {
    const call = t.http()[method];
    const res = await call(url).send(body ?? {});
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
  it('answers an unknown id with 404', async () => {
    const call = t.http()[method];
    const req = call(url).set('cookie', cw).set('if-match', '"1"');
    const res = await (body ? req.send(body) : req);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});

describe('case team members', () => {
  it('adds a colleague from another discipline with a role, and names bad fields', async () => {
    const { kase } = await createCase(t, cw, cwId);
    const health = await t.login(demo.health);
    const healthId = (await t.http().get('/api/me').set('cookie', health)).body.id;
    const res = await t
      .http()
      .put(`/api/cases/${kase.id}/members`)
      .set('cookie', cw)
      .send({ staffId: healthId, role: 'sundhedskoordinator' })
      .expect(200);
    expect(res.body.members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ staffId: cwId, role: 'ansvarlig', discipline: 'employment' }),
        expect.objectContaining({ staffId: healthId, role: 'sundhedskoordinator', discipline: 'health' }),
      ]),
    );
    const bad = await t
      .http()
      .put(`/api/cases/${kase.id}/members`)
      .set('cookie', cw)
      .send({ staffId: 'nope', role: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['role', 'staffId']);
    const ghost = await t
      .http()
      .put(`/api/cases/${kase.id}/members`)
      .set('cookie', cw)
      .send({ staffId: unknown, role: 'mentor' });
    expect(ghost.status).toBe(400);
    expect(ghost.body.errors[0].path).toBe('staffId');
  });
});
