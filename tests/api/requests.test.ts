import { invalid, problem } from '../support/client';
import { staffSuite } from '../support/factories';

const s = staffSuite({ DECISION_DAYS: '10' });
const unknown = '00000000-0000-4000-8000-000000000000';

describe("citizens' requests and decisions", () => {
  it('names each bad field of a new request', async () => {
    const kase = await s.newCase();
    const bad = await problem(s.api.requests.create(kase.id, invalid({ kind: 'job', description: '' })));
    expect(bad).toMatchObject({ status: 400, paths: ['description', 'kind'] });
  });

  it('sets the decision deadline in Copenhagen calendar days, also across the autumn DST change', async () => {
    const kase = await s.newCase();
    const req = await s.api.requests.create(kase.id, {
      kind: 'effort',
      description: 'Ønsker mentor',
      receivedAt: '2026-10-20T10:00:00+02:00',
    });
    expect(req).toMatchObject({ decisionDue: '2026-10-30', decision: null });
  });

  it('needs a reason for a decision', async () => {
    const kase = await s.newCase();
    const req = await s.api.requests.create(kase.id, { kind: 'effort', description: 'Ønsker mentor' });
    const bad = await problem(s.api.requests.decide(kase.id, req.id, invalid({ decision: 'granted' })));
    expect(bad).toMatchObject({ status: 400, paths: ['reason'] });
  });

  it('records a reasoned decision and who took it', async () => {
    const kase = await s.newCase();
    const req = await s.api.requests.create(kase.id, { kind: 'effort', description: 'Ønsker mentor' });
    const decided = await s.api.requests.decide(kase.id, req.id, {
      decision: 'granted',
      reason: 'Mentor bevilget i 3 måneder',
    });
    expect(decided).toMatchObject({ decision: 'granted', decidedBy: { id: s.sw.id } });
    expect((await s.api.requests.list(kase.id)).items).toEqual([decided]);
  });

  it('takes exactly one decision per request (409)', async () => {
    const kase = await s.newCase();
    const req = await s.api.requests.create(kase.id, { kind: 'effort', description: 'Ønsker mentor' });
    await s.api.requests.decide(kase.id, req.id, { decision: 'granted', reason: 'Mentor bevilget' });
    const again = await problem(s.api.requests.decide(kase.id, req.id, { decision: 'refused', reason: 'Nej' }));
    expect(again).toMatchObject({ status: 409, code: 'REQUEST_ALREADY_DECIDED' });
  });

  it('answers a decision on an unknown request with 404', async () => {
    const kase = await s.newCase();
    const res = await problem(s.api.requests.decide(kase.id, unknown, { decision: 'granted', reason: 'Ja tak' }));
    expect(res.status).toBe(404);
  });
});

describe('exemptions', () => {
  it.each([
    [
      'allows at most six months per decision',
      { startDate: '2027-01-31', endDate: '2027-07-31', reason: 'Indlæggelse' },
      { status: 400, code: 'EXEMPTION_TOO_LONG', paths: ['endDate'] },
    ],
    [
      'names an end before the start and a too short reason',
      { startDate: '2027-02-01', endDate: '2027-01-01', reason: 'x' },
      { status: 400, paths: ['endDate', 'reason'] },
    ],
  ])('%s', async (_, body, refusal) => {
    const kase = await s.newCase();
    expect(await problem(s.api.exemptions.create(kase.id, body))).toMatchObject(refusal);
  });

  it('records an exemption of exactly six months', async () => {
    const kase = await s.newCase();
    const made = await s.api.exemptions.create(kase.id, {
      startDate: '2027-01-31',
      endDate: '2027-07-30',
      reason: 'Indlæggelse',
    });
    expect((await s.api.exemptions.list(kase.id)).items).toEqual([made]);
  });
});
