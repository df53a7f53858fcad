import { socketsPerTest } from '../support/app';
import { invalid, problem } from '../support/client';
import { createCase, createEffort, createStaff, type Staff, staffSuite } from '../support/factories';

// A team of this file's own: a caseworker, a manager, and colleagues from social and health.
const s = staffSuite({}, 'manager', 'social', 'health');
const connect = socketsPerTest(() => s.t);

const unknown = '00000000-0000-4000-8000-000000000000';
const newCase = () => createCase(s.t, s.sw.cookie, s.sw.id);

describe('shared plan', () => {
  it('needs If-Match to update (428)', async () => {
    const { kase } = await newCase();
    const res = await s.api.wire('put', '/api/cases/{id}/plan', {
      params: { id: kase.id },
      body: { jobGoal: 'Lager' },
    });
    expect(res.status).toBe(428);
  });

  it('answers an update with the new version as ETag', async () => {
    const { kase } = await newCase();
    const res = await s.api.wire('put', '/api/cases/{id}/plan', {
      params: { id: kase.id },
      headers: { 'if-match': '"1"' },
      body: { citizenGoal: 'Jeg vil have et job med mennesker' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
  });

  it('keeps the fields an update leaves out', async () => {
    const { kase } = await newCase();
    await s.api.plan.update(kase.id, 1, { citizenGoal: 'Jeg vil have et job med mennesker' });
    const v3 = await s.api.plan.update(kase.id, 2, {
      jobGoal: 'Pædagogmedhjælper',
      contactPlan: { intervalDays: 14, reason: 'Angst; korte, hyppige samtaler' },
    });
    expect(v3).toMatchObject({
      version: 3,
      citizenGoal: 'Jeg vil have et job med mennesker',
      jobGoal: 'Pædagogmedhjælper',
    });
  });

  it('refuses an update on a stale version (412 PLAN_VERSION_CONFLICT)', async () => {
    const { kase } = await newCase();
    await s.api.plan.update(kase.id, 1, { jobGoal: 'Lager' });
    const stale = await problem(s.api.plan.update(kase.id, 1, { jobGoal: 'Andet' }));
    expect(stale).toMatchObject({ status: 412, code: 'PLAN_VERSION_CONFLICT' });
  });

  it('names both fields of an incomplete contact plan', async () => {
    const { kase } = await newCase();
    const res = await problem(s.api.plan.update(kase.id, 1, { contactPlan: invalid({ intervalDays: 0 }) }));
    expect(res).toMatchObject({ status: 400, paths: ['contactPlan.intervalDays', 'contactPlan.reason'] });
  });

  it('refuses an effort whose discipline does not match its type', async () => {
    const { kase } = await newCase();
    const res = await problem(s.api.plan.addEffort(kase.id, { type: 'ips', title: 'x', discipline: 'health' }));
    expect(res).toMatchObject({ status: 400, paths: ['discipline'] });
  });

  it('lets staff on the case own an effort of their own discipline, and no one else', async () => {
    const { kase } = await newCase();
    await s.api.cases.setMember(kase.id, { staffId: s.health.id, role: 'sundhedskoordinator' });
    const treatment = { type: 'behandling', title: 'Samtaleterapi', discipline: 'health' } as const;
    expect((await s.health.api.plan.addEffort(kase.id, { ...treatment, ownerId: s.health.id })).ownerId).toBe(
      s.health.id,
    );
    // The responsible caseworker is on the case, but not a health professional.
    const wrongDiscipline = await problem(s.health.api.plan.addEffort(kase.id, { ...treatment, ownerId: s.sw.id }));
    expect(wrongDiscipline).toMatchObject({ status: 400, paths: ['ownerId'] });
    // An employment colleague of the team (the s.manager) who is not on this case.
    const mentor = await createEffort(s.t, s.sw.cookie, kase.id);
    const notOnCase = await problem(s.api.plan.updateEffort(kase.id, mentor.id, { ownerId: s.manager.id }));
    expect(notOnCase).toMatchObject({ status: 400, paths: ['ownerId'] });
    expect((await s.api.plan.updateEffort(kase.id, mentor.id, { ownerId: s.sw.id })).ownerId).toBe(s.sw.id);
  });

  it('needs a reason to stop an effort', async () => {
    const { kase } = await newCase();
    const effort = await createEffort(s.t, s.sw.cookie, kase.id);
    const res = await problem(s.api.plan.updateEffort(kase.id, effort.id, { status: 'stopped' }));
    expect(res).toMatchObject({ status: 400, paths: ['stopReason'] });
  });

  it('answers an unknown effort with 404', async () => {
    const { kase } = await newCase();
    expect((await problem(s.api.plan.updateEffort(kase.id, unknown, { status: 'active' }))).status).toBe(404);
  });

  it('records a field-level history, newest first', async () => {
    const { kase } = await newCase();
    await s.api.plan.update(kase.id, 1, { citizenGoal: 'Jeg vil have et job med mennesker' });
    await s.api.plan.update(kase.id, 2, { jobGoal: 'Pædagogmedhjælper' });
    const effort = await createEffort(s.t, s.sw.cookie, kase.id, {
      type: 'virksomhedspraktik',
      title: 'Praktik i børnehave',
      startDate: '2026-01-05',
      endDate: '2026-03-31',
    });
    await s.api.plan.updateEffort(kase.id, effort.id, { status: 'active' });

    const history = (await s.api.plan.history(kase.id)).items;
    expect(history.map((v) => v.version)).toEqual([5, 4, 3, 2, 1]);
    expect(history[0].changes).toEqual([{ field: `efforts.${effort.id}.status`, from: 'planned', to: 'active' }]);
    expect(history[1].changes[0].field).toBe(`efforts.${effort.id}`);
    expect(history[3].changes).toEqual([{ field: 'citizenGoal', from: '', to: 'Jeg vil have et job med mennesker' }]);
    expect(history[3].by).toEqual({ id: s.sw.id, name: s.sw.name });
    expect(history.at(-1)?.changes).toEqual([]);
  });

  it('10 parallel updates on one version: one 200, nine 412, one new version', async () => {
    const { kase } = await newCase();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => s.api.plan.update(kase.id, 1, { jobGoal: `Mål ${i}` })),
    );
    const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as { status: number }] : []));
    expect(won).toHaveLength(1);
    expect(lost.map((p) => p.status)).toEqual(Array(9).fill(412));
    const plan = await s.api.plan.get(kase.id);
    expect(plan).toMatchObject({ version: 2, jobGoal: won[0].jobGoal });
    expect((await s.api.plan.history(kase.id)).items.map((v) => v.version)).toEqual([2, 1]);
  });
});

describe('health data in the plan', () => {
  /** A case with a health effort and a health score, entered by health staff. */
  const withHealthData = async () => {
    const { citizen, kase } = await newCase();
    await createEffort(s.t, s.health.cookie, kase.id, {
      type: 'angsteksponering',
      title: 'Angstbehandling',
      discipline: 'health',
    });
    await s.health.api.indicators.score(kase.id, {
      ratedBy: 'citizen',
      scores: { health_mastery: 3, job_belief: 5 },
    });
    return { citizen, kase };
  };
  const keys = async (who: Staff, caseId: string) => (await who.api.indicators.get(caseId)).items.map((i) => i.key);

  it('is hidden from a colleague outside health while the citizen has not consented', async () => {
    const { kase } = await withHealthData();
    expect(await keys(s.sw, kase.id)).not.toContain('health_mastery');
    expect(await s.api.plan.get(kase.id)).toMatchObject({ efforts: [], healthHidden: true });
    expect((await s.api.plan.history(kase.id)).items[0].changes).toEqual([]);
  });

  it('is shown to health staff', async () => {
    const { kase } = await withHealthData();
    expect(await keys(s.health, kase.id)).toContain('health_mastery');
    expect((await s.health.api.plan.get(kase.id)).efforts).toHaveLength(1);
  });

  it('is shown to the colleague once the citizen consents', async () => {
    const { citizen, kase } = await withHealthData();
    await s.api.citizens.setConsent(citizen.id, 'health_in_unit', { given: true });
    const shown = await s.api.plan.get(kase.id);
    expect(shown.efforts).toHaveLength(1);
    expect(shown.healthHidden).toBe(false);
    expect(await keys(s.sw, kase.id)).toContain('health_mastery');
  });
});

describe('live plan updates', () => {
  it('pushes plan:updated to everyone viewing the plan, the author included', async () => {
    const { kase } = await newCase();
    const [a, b] = await Promise.all([connect({ cookie: s.sw.cookie }), connect({ cookie: s.social.cookie })]);
    for (const socket of [a, b]) {
      expect(await socket.emitWithAck('plan:join', { caseId: kase.id })).toEqual({ ok: true });
    }
    const got = [a, b].map((socket) => new Promise((resolve) => socket.once('plan:updated', resolve)));
    await s.api.plan.update(kase.id, 1, { jobGoal: 'Kontor' });
    expect(await Promise.all(got)).toEqual([
      { caseId: kase.id, version: 2 },
      { caseId: kase.id, version: 2 },
    ]);
  });

  it("refuses another team's caseworker the plan's room (NOT_FOUND)", async () => {
    const { kase } = await newCase();
    const other = await createStaff(s.t);
    const socket = await connect({ cookie: other.cookie });
    expect(await socket.emitWithAck('plan:join', { caseId: kase.id })).toEqual({ ok: false, code: 'NOT_FOUND' });
  });
});
