import { DataSource } from 'typeorm';
import { demo, startTestApp, type TestApp } from '../support/app';
import { createCase } from '../support/factories';

let t: TestApp;
let cw: string;
let cwId: string;
beforeAll(async () => {
  t = await startTestApp({ DECISION_DAYS: '10' });
  cw = await t.login(demo.caseworker);
  cwId = (await t.http().get('/api/me').set('cookie', cw)).body.id;
});
afterAll(() => t.close());

const paths = (res: { body: { errors?: { path: string }[] } }) => (res.body.errors ?? []).map((e) => e.path).sort();

describe("citizens' requests and decisions", () => {
  it('records a request with a decision deadline and takes exactly one reasoned decision', async () => {
    const { kase } = await createCase(t, cw, cwId);
    const url = `/api/cases/${kase.id}/requests`;
    expect(paths(await t.http().post(url).set('cookie', cw).send({ kind: 'job', description: '' }))).toEqual([
      'description',
      'kind',
    ]);
    // Received just before the autumn DST change: 10 Copenhagen calendar days later.
    const req = await t
      .http()
      .post(url)
      .set('cookie', cw)
      .send({ kind: 'effort', description: 'Ønsker mentor', receivedAt: '2026-10-20T10:00:00+02:00' })
      .expect(201);
    expect(req.body).toMatchObject({ decisionDue: '2026-10-30', decision: null });
    const decisionUrl = `${url}/${req.body.id}/decision`;
    expect(paths(await t.http().post(decisionUrl).set('cookie', cw).send({ decision: 'granted' }))).toEqual(['reason']);
    const decided = await t
      .http()
      .post(decisionUrl)
      .set('cookie', cw)
      .send({ decision: 'granted', reason: 'Mentor bevilget i 3 måneder' })
      .expect(200);
    expect(decided.body).toMatchObject({ decision: 'granted', decidedBy: { id: cwId } });
    const again = await t.http().post(decisionUrl).set('cookie', cw).send({ decision: 'refused', reason: 'Nej' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('REQUEST_ALREADY_DECIDED');
    expect(
      (
        await t
          .http()
          .post(`${url}/00000000-0000-4000-8000-000000000000/decision`)
          .set('cookie', cw)
          .send({ decision: 'granted', reason: 'Ja tak' })
      ).status,
    ).toBe(404);
    expect((await t.http().get(url).set('cookie', cw).expect(200)).body.items).toHaveLength(1);
  });
});

describe('exemptions', () => {
  it('allows at most six months per decision', async () => {
    const { kase } = await createCase(t, cw, cwId);
    const url = `/api/cases/${kase.id}/exemptions`;
    const tooLong = await t
      .http()
      .post(url)
      .set('cookie', cw)
      .send({ startDate: '2027-01-31', endDate: '2027-07-31', reason: 'Indlæggelse' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.code).toBe('EXEMPTION_TOO_LONG');
    expect(paths(tooLong)).toEqual(['endDate']);
    expect(
      paths(
        await t
          .http()
          .post(url)
          .set('cookie', cw)
          .send({ startDate: '2027-02-01', endDate: '2027-01-01', reason: 'x' }),
      ),
    ).toEqual(['endDate', 'reason']);
    await t
      .http()
      .post(url)
      .set('cookie', cw)
      .send({ startDate: '2027-01-31', endDate: '2027-07-30', reason: 'Indlæggelse' })
      .expect(201);
    expect((await t.http().get(url).set('cookie', cw)).body.items).toHaveLength(1);
  });
});

describe('progress indicators', () => {
  it('keeps citizen and caseworker scores side by side with a trend', async () => {
    const { kase } = await createCase(t, cw, cwId);
    const url = `/api/cases/${kase.id}/indicators`;
    expect(
      paths(
        await t
          .http()
          .post(url)
          .set('cookie', cw)
          .send({ ratedBy: 'citizen', scores: { job_belief: 11 } }),
      ),
    ).toEqual(['scores.job_belief']);
    expect((await t.http().post(url).set('cookie', cw).send({ ratedBy: 'citizen', scores: {} })).status).toBe(400);
    await t
      .http()
      .post(url)
      .set('cookie', cw)
      .send({ ratedBy: 'citizen', scores: { job_belief: 3, everyday_mastery: 5 } })
      .expect(201);
    await t
      .http()
      .post(url)
      .set('cookie', cw)
      .send({ ratedBy: 'caseworker', scores: { job_belief: 4 } })
      .expect(201);
    const res = await t
      .http()
      .post(url)
      .set('cookie', cw)
      .send({ ratedBy: 'citizen', scores: { job_belief: 6, everyday_mastery: 4 } })
      .expect(201);
    const byKey = Object.fromEntries(res.body.items.map((i: { key: string }) => [i.key, i]));
    expect(byKey.job_belief.citizen.map((p: { score: number }) => p.score)).toEqual([3, 6]);
    expect(byKey.job_belief.caseworker.map((p: { score: number }) => p.score)).toEqual([4]);
    expect(byKey.job_belief.trend).toBe('up');
    expect(byKey.everyday_mastery.trend).toBe('down');
    expect(byKey.cooperation.trend).toBe('unknown');
  });
});

describe('worklist', () => {
  it('shows overdue and due-soon deadlines, overdue first, and clears a decided request', async () => {
    const { kase } = await createCase(t, cw, cwId);
    const received = new Date(Date.now() - 20 * 86400_000).toISOString();
    const overdue = await t
      .http()
      .post(`/api/cases/${kase.id}/requests`)
      .set('cookie', cw)
      .send({ kind: 'conversation', description: 'Vil tale om praktik', receivedAt: received })
      .expect(201);
    const soon = await t
      .http()
      .post(`/api/cases/${kase.id}/requests`)
      .set('cookie', cw)
      .send({ kind: 'effort', description: 'Ønsker IPS' })
      .expect(201);
    const list = await t.http().get('/api/worklist').set('cookie', cw).expect(200);
    const mine = list.body.items.filter((i: { caseId: string }) => i.caseId === kase.id);
    expect(mine.map((i: { kind: string; status: string }) => `${i.kind}:${i.status}`)).toEqual([
      'request_decision:overdue',
      'request_decision:due_soon',
    ]);
    expect(mine[0]).toMatchObject({ dueDate: overdue.body.decisionDue, link: `/cases/${kase.id}` });
    const statuses = list.body.items.map((i: { status: string }) => i.status);
    expect(statuses.indexOf('due_soon') === -1 || statuses.lastIndexOf('overdue') < statuses.indexOf('due_soon')).toBe(
      true,
    );
    await t
      .http()
      .post(`/api/cases/${kase.id}/requests/${soon.body.id}/decision`)
      .set('cookie', cw)
      .send({ decision: 'refused', reason: 'IPS er ikke relevant nu' })
      .expect(200);
    const after = await t.http().get('/api/worklist').query({ scope: 'team' }).set('cookie', cw).expect(200);
    expect(after.body.items.filter((i: { caseId: string }) => i.caseId === kase.id)).toHaveLength(1);
    expect((await t.http().get('/api/worklist').query({ scope: 'everyone' }).set('cookie', cw)).status).toBe(400);
  });

  it('carries the yearly review and the clarification guarantee for kontanthjælp', async () => {
    const { kase } = await createCase(t, cw, cwId);
    const all = await t.http().get('/api/worklist').query({ includeOk: 'true' }).set('cookie', cw).expect(200);
    const mine = all.body.items.filter((i: { caseId: string }) => i.caseId === kase.id);
    // The factory's citizen is on kontanthjælp since 2026-01-15.
    expect(mine.find((i: { kind: string }) => i.kind === 'clarification_guarantee').dueDate).toBe('2027-01-15');
    const plan = await t.http().get(`/api/cases/${kase.id}/plan`).set('cookie', cw).expect(200);
    expect(mine.find((i: { kind: string }) => i.kind === 'plan_review').dueDate).toBe(plan.body.nextReviewDue);
    const reviewed = await t
      .http()
      .post(`/api/cases/${kase.id}/plan/review`)
      .set('cookie', cw)
      .send({ workCapacityAssessed: true })
      .expect(200);
    expect(reviewed.body.assessedOn).toBe(reviewed.body.reviewedOn);
  });
});

describe('audit trail', () => {
  it('logs every read and write of the citizen, visible to managers', async () => {
    const { citizen, kase } = await createCase(t, cw, cwId);
    await t.http().get(`/api/cases/${kase.id}`).set('cookie', cw).expect(200);
    await t.http().get(`/api/cases/${kase.id}/plan`).set('cookie', cw).expect(200);
    await t
      .http()
      .put(`/api/cases/${kase.id}/plan`)
      .set('cookie', cw)
      .set('if-match', '"1"')
      .send({ jobGoal: 'Butik' })
      .expect(200);
    const manager = await t.login(demo.manager);
    const log = await t.http().get(`/api/citizens/${citizen.id}/access-log`).set('cookie', manager).expect(200);
    const actions = log.body.items.map((e: { action: string }) => e.action);
    for (const a of ['citizen.create', 'case.create', 'case.read', 'plan.read', 'plan.update'])
      expect(actions).toContain(a);
    expect(log.body.items[0].actor).toMatchObject({ kind: 'staff' });
  });
});

describe('schema', () => {
  it('matches the entities: no migration is missing', async () => {
    const sql = await t.app.get(DataSource).driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });
});
