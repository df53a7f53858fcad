import { type TestApp } from '../support/app';
import { invalid, problem } from '../support/client';
import { createCase, createStaff, type Staff, startWithStaff } from '../support/factories';

let t: TestApp;
let sw: Staff;
beforeAll(async () => ({ t, sw } = await startWithStaff()));
afterAll(() => t.close());

const unknown = '00000000-0000-4000-8000-000000000000';
type Method = 'get' | 'post' | 'put' | 'patch';
const request = (method: Method, url: string) => t.http()[method](url);
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
    const res = await request(method, url).send(body ?? {});
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
  it('answers an unknown id with 404', async () => {
    const req = request(method, url).set('cookie', sw.cookie).set('if-match', '"1"');
    const res = await (body ? req.send(body) : req);
    expect(res.status).toBe(404);
    expect((res.body as { code?: string }).code).toBe('NOT_FOUND');
  });
});

describe('case team members', () => {
  it('adds a colleague from another discipline with a role', async () => {
    const { kase } = await createCase(t, sw.cookie, sw.id);
    const health = await createStaff(t, { kind: 'health', teams: sw.teams });
    const res = await sw.api.cases.setMember(kase.id, { staffId: health.id, role: 'sundhedskoordinator' });
    expect(res.members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ staffId: sw.id, role: 'ansvarlig', discipline: 'employment' }),
        expect.objectContaining({ staffId: health.id, role: 'sundhedskoordinator', discipline: 'health' }),
      ]),
    );
  });

  it('names each bad field', async () => {
    const { kase } = await createCase(t, sw.cookie, sw.id);
    const bad = await problem(sw.api.cases.setMember(kase.id, invalid({ staffId: 'nope', role: '' })));
    expect(bad).toMatchObject({ status: 400, paths: ['role', 'staffId'] });
  });

  it('refuses someone who is not a colleague with 400 naming staffId', async () => {
    const { kase } = await createCase(t, sw.cookie, sw.id);
    const ghost = await problem(sw.api.cases.setMember(kase.id, { staffId: unknown, role: 'mentor' }));
    expect(ghost).toMatchObject({ status: 400, paths: ['staffId'] });
  });
});
