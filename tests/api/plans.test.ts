import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/app';
import { type ApiClient, apiClient, invalid, problem } from '../support/client';
import {
  createCase,
  createCitizen,
  createEffort,
  createStaff,
  createTeamOf,
  type Staff,
  uniqueCpr,
} from '../support/factories';

// A team of this file's own: a caseworker, a manager, and colleagues from social and health.
let t: TestApp;
let sw: Staff, manager: Staff, social: Staff, health: Staff;
let api: ApiClient;
beforeAll(async () => {
  t = await startTestApp();
  ({ caseworker: sw, manager, social, health } = await createTeamOf(t, 'caseworker', 'manager', 'social', 'health'));
  api = sw.api;
});
afterAll(() => t.close());

const unknown = '00000000-0000-4000-8000-000000000000';
const newCitizen = (extra = {}) => createCitizen(t, sw.cookie, extra);
const newCase = () => createCase(t, sw.cookie, sw.id);

describe('citizens', () => {
  it('creates a citizen with a masked CPR and stores no clear CPR', async () => {
    const c = await newCitizen();
    expect(c.cprMasked).toBe(`${c.cpr.slice(0, 6)}-XXXX`);
    expect(JSON.stringify({ ...c, cpr: undefined })).not.toContain(c.cpr.slice(6));
    const ds = t.app.get(DataSource);
    const dump = JSON.stringify(await ds.query(`SELECT * FROM citizen WHERE id = $1`, [c.id]));
    expect(dump).not.toContain(c.cpr);
    const [raw] = await ds.query<{ e: string }[]>(
      `SELECT encode(cpr_encrypted, 'escape') AS e FROM citizen WHERE id = $1`,
      [c.id],
    );
    expect(raw.e).not.toContain(c.cpr);
  });

  it.each([
    ['1234', 'format'],
    ['3102901234', 'date'],
    ['2902011234', 'date'],
    ['0101304999', 'future'],
  ])('rejects CPR %s (%s) with 400 naming cpr', async (cpr) => {
    const res = await problem(api.citizens.create({ cpr, name: 'X', benefit: 'dagpenge' }));
    expect(res).toMatchObject({ status: 400, paths: ['cpr'] });
  });

  it('names every bad field', async () => {
    const res = await problem(
      api.citizens.create(invalid({ cpr: uniqueCpr(), name: '', benefit: 'løn', email: 'nope' })),
    );
    expect(res).toMatchObject({ status: 400, paths: ['benefit', 'email', 'name'] });
  });

  it('answers a known CPR with 409 CITIZEN_EXISTS', async () => {
    const c = await newCitizen();
    const res = await problem(
      api.citizens.create({ cpr: `${c.cpr.slice(0, 6)}-${c.cpr.slice(6)}`, name: 'Dublet', benefit: 'dagpenge' }),
    );
    expect(res).toMatchObject({ status: 409, code: 'CITIZEN_EXISTS' });
  });

  it('finds a citizen by exact CPR', async () => {
    const c = await newCitizen();
    expect((await api.citizens.search({ q: c.cpr })).items.map((x) => x.id)).toEqual([c.id]);
  });

  it('finds a citizen by part of the name, in any case', async () => {
    const c = await newCitizen({ name: `Ulrikke Søndergaard-Test ${uniqueCpr()}` });
    expect((await api.citizens.search({ q: 'søndergaard-te' })).items.map((x) => x.id)).toContain(c.id);
  });

  it('never answers a search with a full CPR', async () => {
    const c = await newCitizen();
    for (const q of [c.cpr, c.name, undefined]) {
      const res = await t.http().get('/api/citizens').query({ q }).set('cookie', sw.cookie).expect(200);
      expect(res.text).not.toContain(c.cpr);
      expect(res.text).not.toContain(`${c.cpr.slice(0, 6)}-${c.cpr.slice(6)}`);
    }
  });

  it('needs a reason to reveal a CPR', async () => {
    const c = await newCitizen();
    expect(await problem(api.citizens.revealCpr(c.id, invalid({})))).toMatchObject({ status: 400, paths: ['reason'] });
  });

  it('reveals a CPR with a reason and logs the purpose', async () => {
    const c = await newCitizen();
    expect(await api.citizens.revealCpr(c.id, { reason: 'Brev til borger' })).toEqual({ cpr: c.cpr });
    const log = await manager.api.citizens.accessLog(c.id);
    expect(log.items.find((e) => e.action === 'citizen.reveal_cpr')).toMatchObject({
      purpose: 'Brev til borger',
      actor: { kind: 'staff' },
    });
  });

  it('shows the access log to a manager, not to a caseworker (403)', async () => {
    const c = await newCitizen();
    await manager.api.citizens.accessLog(c.id);
    expect((await problem(api.citizens.accessLog(c.id))).status).toBe(403);
  });

  it('answers an unknown citizen id with 404', async () => {
    expect((await problem(api.citizens.get(unknown))).status).toBe(404);
  });

  it('needs a session to search citizens (401)', async () => {
    expect((await problem(apiClient(t).citizens.search())).status).toBe(401);
  });

  it('records a consent with who recorded it', async () => {
    const c = await newCitizen();
    const given = await api.citizens.setConsent(c.id, 'health_in_unit', { given: true });
    expect(given).toMatchObject({ scope: 'health_in_unit', given: true, recordedBy: { id: sw.id } });
  });

  it('withdraws a consent', async () => {
    const c = await newCitizen();
    await api.citizens.setConsent(c.id, 'health_in_unit', { given: true });
    const withdrawn = await api.citizens.setConsent(c.id, 'health_in_unit', { given: false });
    const someInstant: unknown = expect.any(String);
    expect(withdrawn).toMatchObject({ given: false, withdrawnAt: someInstant });
  });

  it('lists every consent scope', async () => {
    const c = await newCitizen();
    expect((await api.citizens.consents(c.id)).items.map((x) => x.scope).sort()).toEqual([
      'health_in_unit',
      'plan_excerpt_to_doctor',
    ]);
  });

  it('answers an unknown consent scope with 404', async () => {
    const c = await newCitizen();
    const res = await problem(api.citizens.setConsent(c.id, invalid('everything'), { given: true }));
    expect(res.status).toBe(404);
  });
});

describe('citizen search in pages', () => {
  const stem = `Pagineret ${uniqueCpr()}`;
  const ids = new Set<string>();
  beforeAll(async () => {
    // Namesakes among them: the id orders them, the same on every page.
    for (let i = 0; i < 105; i += 1) {
      ids.add((await newCitizen({ name: i % 5 === 0 ? `${stem} Samme` : `${stem} ${String(i).padStart(3, '0')}` })).id);
    }
  }, 120_000);

  it('gives every match exactly once, by name, with the total of all matches', async () => {
    const seen: { id: string; name: string }[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await api.citizens.search({ q: stem, cursor });
      expect(page.total).toBe(105);
      expect(page.items.length).toBe(page.nextCursor === null ? 5 : 50);
      seen.push(...page.items.map((c) => ({ id: c.id, name: 'name' in c ? c.name : '' })));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen.map((c) => c.id))).toEqual(ids);
    expect(seen).toHaveLength(105);
    const bigger = await api.citizens.search({ q: stem, limit: 100 });
    const rest = await api.citizens.search({ q: stem, limit: 100, cursor: bigger.nextCursor! });
    expect([...bigger.items, ...rest.items].map((c) => c.id)).toEqual(seen.map((c) => c.id));
    expect(rest.nextCursor).toBeNull();
  });

  it('answers an exact CPR as one page', async () => {
    const c = await newCitizen();
    expect(await api.citizens.search({ q: c.cpr })).toMatchObject({
      items: [{ id: c.id }],
      total: 1,
      nextCursor: null,
    });
  });

  it('refuses a page larger than 100 and a cursor it did not give out (400)', async () => {
    expect(await problem(api.citizens.search(invalid({ q: stem, limit: '101' })))).toMatchObject({
      status: 400,
      paths: ['limit'],
    });
    for (const cursor of ['forged', Buffer.from('["Ane","not-a-uuid"]').toString('base64url')]) {
      expect(await problem(api.citizens.search({ q: stem, cursor }))).toMatchObject({ status: 400, paths: ['cursor'] });
    }
  });

  it("writes access-log rows for the page's citizens only", async () => {
    const ds = t.app.get(DataSource);
    const [{ max }] = await ds.query<{ max: string | null }[]>(`SELECT max(id)::text AS max FROM audit_entry`);
    const page = await api.citizens.search({ q: stem, limit: 20 });
    const rows = await ds.query<{ citizen_id: string }[]>(
      `SELECT citizen_id FROM audit_entry WHERE actor_id = $1 AND action = 'citizen.search' AND id > $2`,
      [sw.id, max ?? 0],
    );
    expect(rows.map((r) => r.citizen_id).sort()).toEqual(page.items.map((c) => c.id).sort());
  });
});

describe('cases', () => {
  it('creates a case with plan version 1', async () => {
    const { citizen, kase } = await newCase();
    expect(kase).toMatchObject({ citizenId: citizen.id, responsibleId: sw.id, status: 'active' });
    const plan = await t.http().get(`/api/cases/${kase.id}/plan`).set('cookie', sw.cookie).expect(200);
    expect(plan.headers.etag).toBe('"1"');
    expect(plan.body).toMatchObject({ version: 1, citizenGoal: '', jobGoal: '', efforts: [] });
  });

  it('allows one active case per citizen (409 CASE_EXISTS)', async () => {
    const { citizen } = await newCase();
    const again = await problem(api.cases.create({ citizenId: citizen.id, responsibleId: sw.id }));
    expect(again).toMatchObject({ status: 409, code: 'CASE_EXISTS' });
  });

  describe('the caseload ceiling', () => {
    /** A colleague with room for half a case, and a new citizen for them. */
    const atCeiling = async () => {
      const colleague = await createStaff(t, { teams: sw.teams, ceiling: 0.5 });
      const citizen = await newCitizen();
      return { citizenId: citizen.id, responsibleId: colleague.id, weight: 1 };
    };

    it('refuses a case that would pass the responsible’s ceiling (409)', async () => {
      const over = await problem(api.cases.create(await atCeiling()));
      expect(over).toMatchObject({ status: 409, code: 'CASELOAD_CEILING_EXCEEDED' });
    });

    it('accepts a case that fills the ceiling exactly', async () => {
      const body = await atCeiling();
      expect(await api.cases.create({ ...body, weight: 0.5 })).toMatchObject({ weight: 0.5 });
    });

    it('lets only a manager override it (403 for a caseworker)', async () => {
      const body = await atCeiling();
      expect((await problem(api.cases.create({ ...body, override: { reason: 'Akut' } }))).status).toBe(403);
    });

    it('needs a reason for an override', async () => {
      const body = await atCeiling();
      const noReason = await problem(manager.api.cases.create({ ...body, override: invalid({}) }));
      expect(noReason).toMatchObject({ status: 400, paths: ['override.reason'] });
    });

    it('records a manager’s override with its reason in the access log', async () => {
      const body = await atCeiling();
      await manager.api.cases.create({ ...body, override: { reason: 'Borgeren kender Jonas' } });
      const log = await manager.api.citizens.accessLog(body.citizenId);
      expect(log.items).toContainEqual(
        expect.objectContaining({ action: 'caseload.override', purpose: 'Borgeren kender Jonas' }),
      );
    });
  });

  it('lists the active cases of a responsible without their CPR', async () => {
    const { citizen, kase } = await newCase();
    const mine = await api.cases.list({ responsibleId: sw.id, status: 'active' });
    expect(mine.items.map((k) => k.id)).toContain(kase.id);
    expect(JSON.stringify(mine)).not.toContain(citizen.cpr);
  });

  it('refuses an unknown status filter (400)', async () => {
    expect((await problem(api.cases.list(invalid({ status: 'nope' })))).status).toBe(400);
  });

  it('needs a reason to close a case', async () => {
    const { kase } = await newCase();
    const res = await problem(api.cases.update(kase.id, { status: 'closed' }));
    expect(res).toMatchObject({ status: 400, paths: ['closeReason'] });
  });

  it('closes without an outcome as api.md allows, counted as "other"', async () => {
    const { kase } = await newCase();
    const closed = await api.cases.update(kase.id, { status: 'closed', closeReason: 'Flyttet' });
    expect(closed).toMatchObject({ status: 'closed', closeOutcome: 'other' });
  });

  it('closes a case with a reason and an outcome; reopening clears both', async () => {
    const { kase } = await newCase();
    const closed = await api.cases.update(kase.id, { status: 'closed', closeReason: 'I job', closeOutcome: 'job' });
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'I job', closeOutcome: 'job' });
    const bad = await problem(api.cases.update(kase.id, invalid({ closeOutcome: 'lottery' })));
    expect(bad).toMatchObject({ status: 400, paths: ['closeOutcome'] });
    const reopened = await api.cases.update(kase.id, { status: 'active' });
    expect(reopened).toMatchObject({ status: 'active', closeReason: null, closeOutcome: null });
  });

  it('refuses an unknown new responsible with 400 naming responsibleId', async () => {
    const { kase } = await newCase();
    const ghost = await problem(api.cases.update(kase.id, { responsibleId: unknown }));
    expect(ghost).toMatchObject({ status: 400, paths: ['responsibleId'] });
  });

  it('hands a closed case to a colleague', async () => {
    const { kase } = await newCase();
    await api.cases.update(kase.id, { status: 'closed', closeReason: 'I job', closeOutcome: 'job' });
    expect(await api.cases.update(kase.id, { responsibleId: social.id })).toMatchObject({
      responsibleId: social.id,
    });
  });

  it("hides another team's case and plan (404)", async () => {
    const other = await createStaff(t);
    const { kase } = await createCase(t, other.cookie, other.id);
    expect((await problem(api.cases.get(kase.id))).status).toBe(404);
    expect((await problem(api.plan.get(kase.id))).status).toBe(404);
  });

  it('answers an unknown case id with 404', async () => {
    expect((await problem(api.cases.get(unknown))).status).toBe(404);
  });
});

describe('shared plan', () => {
  it('needs If-Match to update (428)', async () => {
    const { kase } = await newCase();
    const res = await t.http().put(`/api/cases/${kase.id}/plan`).set('cookie', sw.cookie).send({ jobGoal: 'Lager' });
    expect(res.status).toBe(428);
  });

  it('answers an update with the new version as ETag', async () => {
    const { kase } = await newCase();
    const res = await t
      .http()
      .put(`/api/cases/${kase.id}/plan`)
      .set('cookie', sw.cookie)
      .set('if-match', '"1"')
      .send({ citizenGoal: 'Jeg vil have et job med mennesker' })
      .expect(200);
    expect(res.headers.etag).toBe('"2"');
  });

  it('keeps the fields an update leaves out', async () => {
    const { kase } = await newCase();
    await api.plan.update(kase.id, 1, { citizenGoal: 'Jeg vil have et job med mennesker' });
    const v3 = await api.plan.update(kase.id, 2, {
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
    await api.plan.update(kase.id, 1, { jobGoal: 'Lager' });
    const stale = await problem(api.plan.update(kase.id, 1, { jobGoal: 'Andet' }));
    expect(stale).toMatchObject({ status: 412, code: 'PLAN_VERSION_CONFLICT' });
  });

  it('names both fields of an incomplete contact plan', async () => {
    const { kase } = await newCase();
    const res = await problem(api.plan.update(kase.id, 1, { contactPlan: invalid({ intervalDays: 0 }) }));
    expect(res).toMatchObject({ status: 400, paths: ['contactPlan.intervalDays', 'contactPlan.reason'] });
  });

  it('refuses an effort whose discipline does not match its type', async () => {
    const { kase } = await newCase();
    const res = await problem(api.plan.addEffort(kase.id, { type: 'ips', title: 'x', discipline: 'health' }));
    expect(res).toMatchObject({ status: 400, paths: ['discipline'] });
  });

  it('lets staff on the case own an effort of their own discipline, and no one else', async () => {
    const { kase } = await newCase();
    await api.cases.setMember(kase.id, { staffId: health.id, role: 'sundhedskoordinator' });
    const treatment = { type: 'behandling', title: 'Samtaleterapi', discipline: 'health' } as const;
    expect((await health.api.plan.addEffort(kase.id, { ...treatment, ownerId: health.id })).ownerId).toBe(health.id);
    // The responsible caseworker is on the case, but not a health professional.
    const wrongDiscipline = await problem(health.api.plan.addEffort(kase.id, { ...treatment, ownerId: sw.id }));
    expect(wrongDiscipline).toMatchObject({ status: 400, paths: ['ownerId'] });
    // An employment colleague of the team (the manager) who is not on this case.
    const mentor = await createEffort(t, sw.cookie, kase.id);
    const notOnCase = await problem(api.plan.updateEffort(kase.id, mentor.id, { ownerId: manager.id }));
    expect(notOnCase).toMatchObject({ status: 400, paths: ['ownerId'] });
    expect((await api.plan.updateEffort(kase.id, mentor.id, { ownerId: sw.id })).ownerId).toBe(sw.id);
  });

  it('needs a reason to stop an effort', async () => {
    const { kase } = await newCase();
    const effort = await createEffort(t, sw.cookie, kase.id);
    const res = await problem(api.plan.updateEffort(kase.id, effort.id, { status: 'stopped' }));
    expect(res).toMatchObject({ status: 400, paths: ['stopReason'] });
  });

  it('answers an unknown effort with 404', async () => {
    const { kase } = await newCase();
    expect((await problem(api.plan.updateEffort(kase.id, unknown, { status: 'active' }))).status).toBe(404);
  });

  it('records a field-level history, newest first', async () => {
    const { kase } = await newCase();
    await api.plan.update(kase.id, 1, { citizenGoal: 'Jeg vil have et job med mennesker' });
    await api.plan.update(kase.id, 2, { jobGoal: 'Pædagogmedhjælper' });
    const effort = await createEffort(t, sw.cookie, kase.id, {
      type: 'virksomhedspraktik',
      title: 'Praktik i børnehave',
      startDate: '2026-01-05',
      endDate: '2026-03-31',
    });
    await api.plan.updateEffort(kase.id, effort.id, { status: 'active' });

    const history = (await api.plan.history(kase.id)).items;
    expect(history.map((v) => v.version)).toEqual([5, 4, 3, 2, 1]);
    expect(history[0].changes).toEqual([{ field: `efforts.${effort.id}.status`, from: 'planned', to: 'active' }]);
    expect(history[1].changes[0].field).toBe(`efforts.${effort.id}`);
    expect(history[3].changes).toEqual([{ field: 'citizenGoal', from: '', to: 'Jeg vil have et job med mennesker' }]);
    expect(history[3].by).toEqual({ id: sw.id, name: sw.name });
    expect(history.at(-1)?.changes).toEqual([]);
  });

  it('10 parallel updates on one version: one 200, nine 412, one new version', async () => {
    const { kase } = await newCase();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => api.plan.update(kase.id, 1, { jobGoal: `Mål ${i}` })),
    );
    const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as { status: number }] : []));
    expect(won).toHaveLength(1);
    expect(lost.map((p) => p.status)).toEqual(Array(9).fill(412));
    const plan = await api.plan.get(kase.id);
    expect(plan).toMatchObject({ version: 2, jobGoal: won[0].jobGoal });
    expect((await api.plan.history(kase.id)).items.map((v) => v.version)).toEqual([2, 1]);
  });
});

describe('health data in the plan', () => {
  /** A case with a health effort and a health score, entered by health staff. */
  const withHealthData = async () => {
    const { citizen, kase } = await newCase();
    await createEffort(t, health.cookie, kase.id, {
      type: 'angsteksponering',
      title: 'Angstbehandling',
      discipline: 'health',
    });
    await health.api.indicators.score(kase.id, {
      ratedBy: 'citizen',
      scores: { health_mastery: 3, job_belief: 5 },
    });
    return { citizen, kase };
  };
  const keys = async (who: Staff, caseId: string) => (await who.api.indicators.get(caseId)).items.map((i) => i.key);

  it('is hidden from a colleague outside health while the citizen has not consented', async () => {
    const { kase } = await withHealthData();
    expect(await keys(sw, kase.id)).not.toContain('health_mastery');
    expect(await api.plan.get(kase.id)).toMatchObject({ efforts: [], healthHidden: true });
    expect((await api.plan.history(kase.id)).items[0].changes).toEqual([]);
  });

  it('is shown to health staff', async () => {
    const { kase } = await withHealthData();
    expect(await keys(health, kase.id)).toContain('health_mastery');
    expect((await health.api.plan.get(kase.id)).efforts).toHaveLength(1);
  });

  it('is shown to the colleague once the citizen consents', async () => {
    const { citizen, kase } = await withHealthData();
    await api.citizens.setConsent(citizen.id, 'health_in_unit', { given: true });
    const shown = await api.plan.get(kase.id);
    expect(shown.efforts).toHaveLength(1);
    expect(shown.healthHidden).toBe(false);
    expect(await keys(sw, kase.id)).toContain('health_mastery');
  });
});

describe('live plan updates', () => {
  it('pushes plan:updated to everyone viewing the plan, the author included', async () => {
    const { kase } = await newCase();
    const [a, b] = await Promise.all([t.connect({ cookie: sw.cookie }), t.connect({ cookie: social.cookie })]);
    try {
      for (const s of [a, b]) expect(await s.emitWithAck('plan:join', { caseId: kase.id })).toEqual({ ok: true });
      const got = [a, b].map((s) => new Promise((resolve) => s.once('plan:updated', resolve)));
      await api.plan.update(kase.id, 1, { jobGoal: 'Kontor' });
      expect(await Promise.all(got)).toEqual([
        { caseId: kase.id, version: 2 },
        { caseId: kase.id, version: 2 },
      ]);
    } finally {
      for (const s of [a, b]) s.close();
    }
  });

  it("refuses another team's caseworker the plan's room (NOT_FOUND)", async () => {
    const { kase } = await newCase();
    const other = await createStaff(t);
    const s = await t.connect({ cookie: other.cookie });
    try {
      expect(await s.emitWithAck('plan:join', { caseId: kase.id })).toEqual({ ok: false, code: 'NOT_FOUND' });
    } finally {
      s.close();
    }
  });
});
