import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/app';
import { type ApiClient, invalid, problem } from '../support/client';
import { createCase, createStaff, type Staff } from '../support/factories';

let t: TestApp;
let sw: Staff;
let api: ApiClient;
beforeAll(async () => {
  t = await startTestApp({ DECISION_DAYS: '10' });
  sw = await createStaff(t);
  api = sw.api;
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

describe('progress indicators', () => {
  it('names a score outside 1-10', async () => {
    const kase = await newCase();
    const bad = await problem(api.indicators.score(kase.id, { ratedBy: 'citizen', scores: { job_belief: 11 } }));
    expect(bad).toMatchObject({ status: 400, paths: ['scores.job_belief'] });
  });

  it('refuses an empty set of scores', async () => {
    const kase = await newCase();
    expect((await problem(api.indicators.score(kase.id, { ratedBy: 'citizen', scores: {} }))).status).toBe(400);
  });

  it('keeps citizen and caseworker scores side by side with a trend', async () => {
    const kase = await newCase();
    await api.indicators.score(kase.id, { ratedBy: 'citizen', scores: { job_belief: 3, everyday_mastery: 5 } });
    await api.indicators.score(kase.id, { ratedBy: 'caseworker', scores: { job_belief: 4 } });
    const res = await api.indicators.score(kase.id, {
      ratedBy: 'citizen',
      scores: { job_belief: 6, everyday_mastery: 4 },
    });
    const byKey = Object.fromEntries(res.items.map((i) => [i.key, i]));
    expect(byKey.job_belief.citizen.map((p) => p.score)).toEqual([3, 6]);
    expect(byKey.job_belief.caseworker.map((p) => p.score)).toEqual([4]);
    expect(byKey.job_belief.trend).toBe('up');
    expect(byKey.everyday_mastery.trend).toBe('down');
    expect(byKey.cooperation.trend).toBe('unknown');
  });
});

describe('worklist', () => {
  const daysAgo = (days: number) => new Date(Date.now() - days * 86400_000).toISOString();

  it('shows overdue and due-soon decision deadlines of a case, overdue first', async () => {
    const kase = await newCase();
    const overdue = await api.requests.create(kase.id, {
      kind: 'conversation',
      description: 'Vil tale om praktik',
      receivedAt: daysAgo(20),
    });
    await api.requests.create(kase.id, { kind: 'effort', description: 'Ønsker IPS' });
    const mine = (await api.worklistAll()).items.filter((i) => i.caseId === kase.id);
    expect(mine.map((i) => `${i.kind}:${i.status}`)).toEqual(['request_decision:overdue', 'request_decision:due_soon']);
    expect(mine[0]).toMatchObject({ dueDate: overdue.decisionDue, link: `/cases/${kase.id}#requests` });
  });

  it('orders the whole list overdue before due soon', async () => {
    const kase = await newCase();
    await api.requests.create(kase.id, { kind: 'effort', description: 'Ønsker IPS' });
    await api.requests.create(kase.id, { kind: 'conversation', description: 'Samtale', receivedAt: daysAgo(20) });
    const statuses = (await api.worklist()).items.map((i) => i.status);
    expect(statuses).toContain('overdue');
    expect(statuses).toContain('due_soon');
    expect(statuses.lastIndexOf('overdue')).toBeLessThan(statuses.indexOf('due_soon'));
  });

  it('clears a decided request', async () => {
    const kase = await newCase();
    await api.requests.create(kase.id, { kind: 'conversation', description: 'Samtale', receivedAt: daysAgo(20) });
    const soon = await api.requests.create(kase.id, { kind: 'effort', description: 'Ønsker IPS' });
    await api.requests.decide(kase.id, soon.id, { decision: 'refused', reason: 'IPS er ikke relevant nu' });
    const team = await api.worklistAll({ scope: 'team' });
    expect(team.items.filter((i) => i.caseId === kase.id).map((i) => i.status)).toEqual(['overdue']);
  });

  it('refuses an unknown scope (400)', async () => {
    expect((await problem(api.worklist(invalid({ scope: 'everyone' })))).status).toBe(400);
  });

  it('carries the clarification guarantee for kontanthjælp a year from the benefit start', async () => {
    const kase = await newCase();
    const mine = (await api.worklistAll({ includeOk: 'true' })).items.filter((i) => i.caseId === kase.id);
    // The factory's citizen is on kontanthjælp since 2026-01-15.
    expect(mine.find((i) => i.kind === 'clarification_guarantee')?.dueDate).toBe('2027-01-15');
  });

  it("carries the yearly review at the plan's next review date", async () => {
    const kase = await newCase();
    const mine = (await api.worklistAll({ includeOk: 'true' })).items.filter((i) => i.caseId === kase.id);
    const plan = await api.plan.get(kase.id);
    expect(mine.find((i) => i.kind === 'plan_review')?.dueDate).toBe(plan.nextReviewDue);
  });

  it('records a work-capacity assessment on the day of the review', async () => {
    const kase = await newCase();
    const reviewed = await api.plan.review(kase.id, { workCapacityAssessed: true });
    expect(reviewed.assessedOn).toBe(reviewed.reviewedOn);
  });
});

describe('audit trail', () => {
  it('logs every read and write of the citizen, visible to managers', async () => {
    const manager = await createStaff(t, { kind: 'manager', teams: sw.teams });
    const { citizen, kase } = await createCase(t, sw.cookie, sw.id);
    await api.cases.get(kase.id);
    await api.plan.get(kase.id);
    await api.plan.update(kase.id, 1, { jobGoal: 'Butik' });
    const log = await manager.api.citizens.accessLog(citizen.id);
    const actions = log.items.map((e) => e.action);
    for (const a of ['citizen.create', 'case.create', 'case.read', 'plan.read', 'plan.update']) {
      expect(actions).toContain(a);
    }
    expect(log.items[0].actor).toMatchObject({ kind: 'staff' });
  });
});

describe('schema', () => {
  it('matches the entities: no migration is missing', async () => {
    const sql = await t.app.get(DataSource).driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });
});
