import type { TestApp } from '../support/app';
import { type ApiClient, invalid, problem } from '../support/client';
import { createCase, startWithStaff, type Staff } from '../support/factories';

let t: TestApp;
let sw: Staff;
let api: ApiClient;
beforeAll(async () => {
  ({ t, sw, api } = await startWithStaff({ DECISION_DAYS: '10' }));
});
afterAll(() => t.close());

const newCase = async () => (await createCase(t, sw.cookie, sw.id)).kase;
const unknown = '00000000-0000-4000-8000-000000000000';

describe("citizens' requests and decisions", () => {
  it('names each bad field of a new request', async () => {
    const kase = await newCase();
    const bad = await problem(api.requests.create(kase.id, invalid({ kind: 'job', description: '' })));
    expect(bad).toMatchObject({ status: 400, paths: ['description', 'kind'] });
  });

  it('sets the decision deadline in Copenhagen calendar days, also across the autumn DST change', async () => {
    const kase = await newCase();
    const req = await api.requests.create(kase.id, {
      kind: 'effort',
      description: 'Ønsker mentor',
      receivedAt: '2026-10-20T10:00:00+02:00',
    });
    expect(req).toMatchObject({ decisionDue: '2026-10-30', decision: null });
  });

  it('needs a reason for a decision', async () => {
    const kase = await newCase();
    const req = await api.requests.create(kase.id, { kind: 'effort', description: 'Ønsker mentor' });
    const bad = await problem(api.requests.decide(kase.id, req.id, invalid({ decision: 'granted' })));
    expect(bad).toMatchObject({ status: 400, paths: ['reason'] });
  });

  it('records a reasoned decision and who took it', async () => {
    const kase = await newCase();
    const req = await api.requests.create(kase.id, { kind: 'effort', description: 'Ønsker mentor' });
    const decided = await api.requests.decide(kase.id, req.id, {
      decision: 'granted',
      reason: 'Mentor bevilget i 3 måneder',
    });
    expect(decided).toMatchObject({ decision: 'granted', decidedBy: { id: sw.id } });
    expect((await api.requests.list(kase.id)).items).toEqual([decided]);
  });

  it('takes exactly one decision per request (409)', async () => {
    const kase = await newCase();
    const req = await api.requests.create(kase.id, { kind: 'effort', description: 'Ønsker mentor' });
    await api.requests.decide(kase.id, req.id, { decision: 'granted', reason: 'Mentor bevilget' });
    const again = await problem(api.requests.decide(kase.id, req.id, { decision: 'refused', reason: 'Nej' }));
    expect(again).toMatchObject({ status: 409, code: 'REQUEST_ALREADY_DECIDED' });
  });

  it('answers a decision on an unknown request with 404', async () => {
    const kase = await newCase();
    const res = await problem(api.requests.decide(kase.id, unknown, { decision: 'granted', reason: 'Ja tak' }));
    expect(res.status).toBe(404);
  });
});

describe('exemptions', () => {
  it('allows at most six months per decision', async () => {
    const kase = await newCase();
    const tooLong = await problem(
      api.exemptions.create(kase.id, { startDate: '2027-01-31', endDate: '2027-07-31', reason: 'Indlæggelse' }),
    );
    expect(tooLong).toMatchObject({ status: 400, code: 'EXEMPTION_TOO_LONG', paths: ['endDate'] });
  });

  it('names an end before the start and a too short reason', async () => {
    const kase = await newCase();
    const bad = await problem(
      api.exemptions.create(kase.id, { startDate: '2027-02-01', endDate: '2027-01-01', reason: 'x' }),
    );
    expect(bad).toMatchObject({ status: 400, paths: ['endDate', 'reason'] });
  });

  it('records an exemption of exactly six months', async () => {
    const kase = await newCase();
    const made = await api.exemptions.create(kase.id, {
      startDate: '2027-01-31',
      endDate: '2027-07-30',
      reason: 'Indlæggelse',
    });
    expect((await api.exemptions.list(kase.id)).items).toEqual([made]);
  });
});
