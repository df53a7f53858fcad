import { type ApiClient, apiClient, invalid, problem } from '../support/client';
import { createCase, createStaff, staffSuite } from '../support/factories';

const s = staffSuite();

const unknown = '00000000-0000-4000-8000-000000000000';
/** Every route of one case or citizen, called for the unknown id. */
const routes: [string, (api: ApiClient) => Promise<unknown>][] = [
  ['GET /api/citizens/:id', (api) => api.citizens.get(unknown)],
  ['POST /api/citizens/:id/reveal-cpr', (api) => api.citizens.revealCpr(unknown, { reason: 'Brev til borger' })],
  ['GET /api/citizens/:id/consents', (api) => api.citizens.consents(unknown)],
  [
    'PUT /api/citizens/:id/consents/health_in_unit',
    (api) => api.citizens.setConsent(unknown, 'health_in_unit', { given: true }),
  ],
  ['GET /api/cases/:id', (api) => api.cases.get(unknown)],
  ['PATCH /api/cases/:id', (api) => api.cases.update(unknown, { weight: 1 })],
  [
    'PUT /api/cases/:id/members',
    (api) => api.cases.setMember(unknown, { staffId: unknown, role: 'sundhedskoordinator' }),
  ],
  ['GET /api/cases/:id/plan', (api) => api.plan.get(unknown)],
  ['PUT /api/cases/:id/plan', (api) => api.plan.update(unknown, 1, { jobGoal: 'x' })],
  ['POST /api/cases/:id/plan/review', (api) => api.plan.review(unknown)],
  [
    'POST /api/cases/:id/plan/efforts',
    (api) => api.plan.addEffort(unknown, { type: 'mentor', title: 'Mentor', discipline: 'employment' }),
  ],
  ['PATCH /api/cases/:id/plan/efforts/:effortId', (api) => api.plan.updateEffort(unknown, unknown, { title: 'x' })],
  ['GET /api/cases/:id/plan/history', (api) => api.plan.history(unknown)],
  ['GET /api/cases/:id/requests', (api) => api.requests.list(unknown)],
  [
    'POST /api/cases/:id/requests',
    (api) => api.requests.create(unknown, { kind: 'effort', description: 'Ønsker mentor' }),
  ],
  [
    'POST /api/cases/:id/requests/:requestId/decision',
    (api) => api.requests.decide(unknown, unknown, { decision: 'granted', reason: 'Bevilget' }),
  ],
  ['GET /api/cases/:id/exemptions', (api) => api.exemptions.list(unknown)],
  [
    'POST /api/cases/:id/exemptions',
    (api) => api.exemptions.create(unknown, { startDate: '2027-01-01', endDate: '2027-02-01', reason: 'Sygdom' }),
  ],
  ['GET /api/cases/:id/indicators', (api) => api.indicators.get(unknown)],
  [
    'POST /api/cases/:id/indicators',
    (api) => api.indicators.score(unknown, { ratedBy: 'citizen', scores: { job_belief: 5 } }),
  ],
];

describe.each(routes)('%s', (_route, call) => {
  it('needs a session (401)', async () => {
    expect((await problem(call(apiClient(s.t)))).status).toBe(401);
  });
  it('answers an unknown id with 404', async () => {
    expect(await problem(call(s.sw.api))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});

describe('case team members', () => {
  it('adds a colleague from another discipline with a role', async () => {
    const { kase } = await createCase(s.t, s.sw.cookie, s.sw.id);
    const health = await createStaff(s.t, { kind: 'health', teams: s.sw.teams });
    const res = await s.sw.api.cases.setMember(kase.id, { staffId: health.id, role: 'sundhedskoordinator' });
    expect(res.members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ staffId: s.sw.id, role: 'ansvarlig', discipline: 'employment' }),
        expect.objectContaining({ staffId: health.id, role: 'sundhedskoordinator', discipline: 'health' }),
      ]),
    );
  });

  it('names each bad field', async () => {
    const { kase } = await createCase(s.t, s.sw.cookie, s.sw.id);
    const bad = await problem(s.sw.api.cases.setMember(kase.id, invalid({ staffId: 'nope', role: '' })));
    expect(bad).toMatchObject({ status: 400, paths: ['role', 'staffId'] });
  });

  it('refuses someone who is not a colleague with 400 naming staffId', async () => {
    const { kase } = await createCase(s.t, s.sw.cookie, s.sw.id);
    const ghost = await problem(s.sw.api.cases.setMember(kase.id, { staffId: unknown, role: 'mentor' }));
    expect(ghost).toMatchObject({ status: 400, paths: ['staffId'] });
  });
});
