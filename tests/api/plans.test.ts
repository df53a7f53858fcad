import { DataSource } from 'typeorm';
import { demo, startTestApp, type TestApp } from '../support/app';
import { createCase, createCitizen, uniqueCpr } from '../support/factories';

let t: TestApp;
let cw: string;
let cwId: string;
let manager: string;
beforeAll(async () => {
  t = await startTestApp();
  cw = await t.login(demo.caseworker);
  manager = await t.login(demo.manager);
  cwId = (await t.http().get('/api/me').set('cookie', cw)).body.id;
});
afterAll(() => t.close());

const paths = (res: { body: { errors?: { path: string }[] } }) => (res.body.errors ?? []).map((e) => e.path).sort();

describe('citizens', () => {
  it('creates a citizen with a masked CPR and stores no clear CPR', async () => {
    const c = await createCitizen(t, cw);
    expect(c.cprMasked).toBe(`${c.cpr.slice(0, 6)}-XXXX`);
    expect(JSON.stringify({ ...c, cpr: undefined })).not.toContain(c.cpr.slice(6));
    const ds = t.app.get(DataSource);
    const dump = JSON.stringify(await ds.query(`SELECT * FROM citizen WHERE id = $1`, [c.id]));
    expect(dump).not.toContain(c.cpr);
    const [raw] = await ds.query(`SELECT encode(cpr_encrypted, 'escape') AS e FROM citizen WHERE id = $1`, [c.id]);
    expect(raw.e).not.toContain(c.cpr);
  });

  it.each([
    ['1234', 'format'],
    ['3102901234', 'date'],
    ['2902011234', 'date'],
    ['0101304999', 'future'],
  ])('rejects CPR %s (%s) with 400 naming cpr', async (cpr) => {
    const res = await t.http().post('/api/citizens').set('cookie', cw).send({ cpr, name: 'X', benefit: 'dagpenge' });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['cpr']);
  });

  it('names every bad field', async () => {
    const res = await t
      .http()
      .post('/api/citizens')
      .set('cookie', cw)
      .send({ cpr: uniqueCpr(), name: '', benefit: 'løn', email: 'nope' });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['benefit', 'email', 'name']);
  });

  it('answers a known CPR with 409 CITIZEN_EXISTS', async () => {
    const c = await createCitizen(t, cw);
    const res = await t
      .http()
      .post('/api/citizens')
      .set('cookie', cw)
      .send({ cpr: `${c.cpr.slice(0, 6)}-${c.cpr.slice(6)}`, name: 'Dublet', benefit: 'dagpenge' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CITIZEN_EXISTS');
  });

  it('finds by exact CPR and by name, never returning a full CPR', async () => {
    const c = await createCitizen(t, cw, { name: 'Ulrikke Søndergaard-Test' });
    const byCpr = await t.http().get('/api/citizens').query({ q: c.cpr }).set('cookie', cw).expect(200);
    expect(byCpr.body.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    const byName = await t.http().get('/api/citizens').query({ q: 'søndergaard-te' }).set('cookie', cw).expect(200);
    expect(byName.body.items.map((x: { id: string }) => x.id)).toContain(c.id);
    const all = await t.http().get('/api/citizens').set('cookie', cw).expect(200);
    for (const body of [byCpr.text, byName.text, all.text]) {
      expect(body).not.toContain(c.cpr);
      expect(body).not.toContain(`${c.cpr.slice(0, 6)}-${c.cpr.slice(6)}`);
    }
  });

  it('reveals a CPR only with a reason, and audits it', async () => {
    const c = await createCitizen(t, cw);
    expect(paths(await t.http().post(`/api/citizens/${c.id}/reveal-cpr`).set('cookie', cw).send({}))).toEqual([
      'reason',
    ]);
    const res = await t
      .http()
      .post(`/api/citizens/${c.id}/reveal-cpr`)
      .set('cookie', cw)
      .send({ reason: 'Brev til borger' })
      .expect(200);
    expect(res.body.cpr).toBe(c.cpr);
    const log = await t.http().get(`/api/citizens/${c.id}/access-log`).set('cookie', manager).expect(200);
    expect(log.body.items.find((e: { action: string }) => e.action === 'citizen.reveal_cpr')).toMatchObject({
      purpose: 'Brev til borger',
      actor: { kind: 'staff' },
    });
    expect((await t.http().get(`/api/citizens/${c.id}/access-log`).set('cookie', cw)).status).toBe(403);
  });

  it('answers unknown ids with 404 and needs a session', async () => {
    expect((await t.http().get('/api/citizens/00000000-0000-4000-8000-000000000000').set('cookie', cw)).status).toBe(
      404,
    );
    expect((await t.http().get('/api/citizens')).status).toBe(401);
  });

  it('records and withdraws consent', async () => {
    const c = await createCitizen(t, cw);
    const given = await t
      .http()
      .put(`/api/citizens/${c.id}/consents/health_in_unit`)
      .set('cookie', cw)
      .send({ given: true })
      .expect(200);
    expect(given.body).toMatchObject({ scope: 'health_in_unit', given: true, recordedBy: { id: cwId } });
    const withdrawn = await t
      .http()
      .put(`/api/citizens/${c.id}/consents/health_in_unit`)
      .set('cookie', cw)
      .send({ given: false })
      .expect(200);
    expect(withdrawn.body.withdrawnAt).not.toBeNull();
    const list = await t.http().get(`/api/citizens/${c.id}/consents`).set('cookie', cw).expect(200);
    expect(list.body.items.map((x: { scope: string }) => x.scope).sort()).toEqual([
      'health_in_unit',
      'plan_excerpt_to_doctor',
    ]);
    expect(
      (await t.http().put(`/api/citizens/${c.id}/consents/everything`).set('cookie', cw).send({ given: true })).status,
    ).toBe(404);
  });
});

describe('cases', () => {
  it('creates a case with plan version 1, one active case per citizen', async () => {
    const { citizen, kase } = await createCase(t, cw, cwId);
    expect(kase).toMatchObject({ citizenId: citizen.id, responsibleId: cwId, status: 'active' });
    const plan = await t.http().get(`/api/cases/${kase.id}/plan`).set('cookie', cw).expect(200);
    expect(plan.headers.etag).toBe('"1"');
    expect(plan.body).toMatchObject({ version: 1, citizenGoal: '', jobGoal: '', efforts: [] });
    const again = await t
      .http()
      .post('/api/cases')
      .set('cookie', cw)
      .send({ citizenId: citizen.id, responsibleId: cwId });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CASE_EXISTS');
  });

  it('enforces the caseload ceiling; a manager may override with a reason', async () => {
    const ds = t.app.get(DataSource);
    // Jonas (team Nord) gets a ceiling just above his current load.
    const [jonas] = await ds.query(`SELECT id FROM staff WHERE email = 'jobkonsulent@demo.tvaers.dk'`);
    const [{ load }] = await ds.query(
      `SELECT COALESCE(sum(weight), 0) AS load FROM "case" WHERE responsible_id = $1 AND status = 'active'`,
      [jonas.id],
    );
    await ds.query(`UPDATE staff SET caseload_ceiling = $2 WHERE id = $1`, [jonas.id, Number(load) + 0.5]);
    const c = await createCitizen(t, cw);
    const body = { citizenId: c.id, responsibleId: jonas.id, weight: 1 };
    const over = await t.http().post('/api/cases').set('cookie', cw).send(body);
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('CASELOAD_CEILING_EXCEEDED');
    expect(
      (
        await t
          .http()
          .post('/api/cases')
          .set('cookie', cw)
          .send({ ...body, weight: 0.5 })
      ).status,
    ).toBe(201);
    const c2 = await createCitizen(t, cw);
    const body2 = { citizenId: c2.id, responsibleId: jonas.id, weight: 1 };
    expect(
      (
        await t
          .http()
          .post('/api/cases')
          .set('cookie', cw)
          .send({ ...body2, override: { reason: 'Akut' } })
      ).status,
    ).toBe(403);
    const noReason = await t
      .http()
      .post('/api/cases')
      .set('cookie', manager)
      .send({ ...body2, override: {} });
    expect(noReason.status).toBe(400);
    expect(paths(noReason)).toEqual(['override.reason']);
    const ok = await t
      .http()
      .post('/api/cases')
      .set('cookie', manager)
      .send({ ...body2, override: { reason: 'Borgeren kender Jonas' } });
    expect(ok.status).toBe(201);
    const log = await t.http().get(`/api/citizens/${c2.id}/access-log`).set('cookie', manager).expect(200);
    expect(
      log.body.items.some(
        (e: { action: string; purpose: string }) =>
          e.action === 'caseload.override' && e.purpose === 'Borgeren kender Jonas',
      ),
    ).toBe(true);
  });

  it('lists, filters and closes cases with a reason', async () => {
    const { citizen, kase } = await createCase(t, cw, cwId);
    const mine = await t
      .http()
      .get('/api/cases')
      .query({ responsibleId: cwId, status: 'active' })
      .set('cookie', cw)
      .expect(200);
    expect(mine.body.items.some((k: { id: string }) => k.id === kase.id)).toBe(true);
    expect(mine.text).not.toContain(citizen.cpr);
    expect(paths(await t.http().patch(`/api/cases/${kase.id}`).set('cookie', cw).send({ status: 'closed' }))).toEqual([
      'closeReason',
    ]);
    const closed = await t
      .http()
      .patch(`/api/cases/${kase.id}`)
      .set('cookie', cw)
      .send({ status: 'closed', closeReason: 'I job' })
      .expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', closeReason: 'I job' });
    expect((await t.http().get('/api/cases').query({ status: 'nope' }).set('cookie', cw)).status).toBe(400);
    // A closed case can change hands without counting toward anyone's ceiling; an unknown person is a 400.
    const ghost = await t
      .http()
      .patch(`/api/cases/${kase.id}`)
      .set('cookie', cw)
      .send({ responsibleId: '00000000-0000-4000-8000-000000000000' });
    expect(ghost.status).toBe(400);
    expect(paths(ghost)).toEqual(['responsibleId']);
    const social = (
      await t
        .http()
        .get('/api/me')
        .set('cookie', await t.login(demo.social))
    ).body.id;
    await t.http().patch(`/api/cases/${kase.id}`).set('cookie', cw).send({ responsibleId: social }).expect(200);
  });

  it("hides another team's case (404)", async () => {
    const other = await t.login('mette.skov@demo.tvaers.dk');
    const otherId = (await t.http().get('/api/me').set('cookie', other)).body.id;
    const { kase } = await createCase(t, other, otherId);
    expect((await t.http().get(`/api/cases/${kase.id}`).set('cookie', cw)).status).toBe(404);
    expect((await t.http().get(`/api/cases/${kase.id}/plan`).set('cookie', cw)).status).toBe(404);
    expect((await t.http().get(`/api/cases/00000000-0000-4000-8000-000000000000`).set('cookie', cw)).status).toBe(404);
  });
});

describe('shared plan', () => {
  it('updates with If-Match, keeps left-out fields, and records a field-level history', async () => {
    const { kase } = await createCase(t, cw, cwId);
    const url = `/api/cases/${kase.id}/plan`;
    expect((await t.http().put(url).set('cookie', cw).send({ jobGoal: 'Lager' })).status).toBe(428);
    const v2 = await t
      .http()
      .put(url)
      .set('cookie', cw)
      .set('if-match', '"1"')
      .send({ citizenGoal: 'Jeg vil have et job med mennesker' })
      .expect(200);
    expect(v2.headers.etag).toBe('"2"');
    const v3 = await t
      .http()
      .put(url)
      .set('cookie', cw)
      .set('if-match', '"2"')
      .send({
        jobGoal: 'Pædagogmedhjælper',
        contactPlan: { intervalDays: 14, reason: 'Angst; korte, hyppige samtaler' },
      })
      .expect(200);
    expect(v3.body).toMatchObject({
      version: 3,
      citizenGoal: 'Jeg vil have et job med mennesker',
      jobGoal: 'Pædagogmedhjælper',
    });
    const stale = await t.http().put(url).set('cookie', cw).set('if-match', '"2"').send({ jobGoal: 'Andet' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PLAN_VERSION_CONFLICT');
    expect(
      paths(
        await t
          .http()
          .put(url)
          .set('cookie', cw)
          .set('if-match', '"3"')
          .send({ contactPlan: { intervalDays: 0 } }),
      ),
    ).toEqual(['contactPlan.intervalDays', 'contactPlan.reason']);

    const effort = await t
      .http()
      .post(`${url}/efforts`)
      .set('cookie', cw)
      .send({
        type: 'virksomhedspraktik',
        title: 'Praktik i børnehave',
        discipline: 'employment',
        startDate: '2026-12-01',
        endDate: '2027-02-28',
      })
      .expect(201);
    expect(
      paths(
        await t.http().post(`${url}/efforts`).set('cookie', cw).send({ type: 'ips', title: 'x', discipline: 'health' }),
      ),
    ).toEqual(['discipline']);
    expect(
      paths(await t.http().patch(`${url}/efforts/${effort.body.id}`).set('cookie', cw).send({ status: 'stopped' })),
    ).toEqual(['stopReason']);
    await t.http().patch(`${url}/efforts/${effort.body.id}`).set('cookie', cw).send({ status: 'active' }).expect(200);
    expect(
      (
        await t
          .http()
          .patch(`${url}/efforts/00000000-0000-4000-8000-000000000000`)
          .set('cookie', cw)
          .send({ status: 'active' })
      ).status,
    ).toBe(404);

    const history = await t.http().get(`${url}/history`).set('cookie', cw).expect(200);
    expect(history.body.items.map((v: { version: number }) => v.version)).toEqual([5, 4, 3, 2, 1]);
    expect(history.body.items[0].changes).toEqual([
      { field: `efforts.${effort.body.id}.status`, from: 'planned', to: 'active' },
    ]);
    expect(history.body.items[1].changes[0].field).toBe(`efforts.${effort.body.id}`);
    expect(history.body.items[3].changes).toEqual([
      { field: 'citizenGoal', from: '', to: 'Jeg vil have et job med mennesker' },
    ]);
    expect(history.body.items[3].by).toMatchObject({ id: cwId, name: 'Søren Madsen' });
    expect(history.body.items.at(-1).changes).toEqual([]);
  });

  it('10 parallel updates on one version: one 200, nine 412, one new version', async () => {
    const { kase } = await createCase(t, cw, cwId);
    const url = `/api/cases/${kase.id}/plan`;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t
          .http()
          .put(url)
          .set('cookie', cw)
          .set('if-match', '"1"')
          .send({ jobGoal: `Mål ${i}` }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 412, 412, 412, 412, 412, 412, 412, 412, 412]);
    const winner = results.find((r) => r.status === 200)!;
    const plan = await t.http().get(url).set('cookie', cw).expect(200);
    expect(plan.body.version).toBe(2);
    expect(plan.body.jobGoal).toBe(winner.body.jobGoal);
    const history = await t.http().get(`${url}/history`).set('cookie', cw).expect(200);
    expect(history.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('hides health efforts from other disciplines until the citizen consents', async () => {
    const health = await t.login(demo.health);
    const { citizen, kase } = await createCase(t, cw, cwId);
    const url = `/api/cases/${kase.id}/plan`;
    await t
      .http()
      .post(`${url}/efforts`)
      .set('cookie', health)
      .send({ type: 'angsteksponering', title: 'Angstbehandling', discipline: 'health' })
      .expect(201);
    await t
      .http()
      .post(`/api/cases/${kase.id}/indicators`)
      .set('cookie', health)
      .send({ ratedBy: 'citizen', scores: { health_mastery: 3, job_belief: 5 } })
      .expect(201);
    const keys = async (cookie: string) =>
      (await t.http().get(`/api/cases/${kase.id}/indicators`).set('cookie', cookie)).body.items.map(
        (i: { key: string }) => i.key,
      );
    expect(await keys(cw)).not.toContain('health_mastery');
    expect(await keys(health)).toContain('health_mastery');
    const hidden = await t.http().get(url).set('cookie', cw).expect(200);
    expect(hidden.body.efforts).toEqual([]);
    expect(hidden.body.healthHidden).toBe(true);
    expect((await t.http().get(`${url}/history`).set('cookie', cw)).body.items[0].changes).toEqual([]);
    expect((await t.http().get(url).set('cookie', health)).body.efforts).toHaveLength(1);
    await t
      .http()
      .put(`/api/citizens/${citizen.id}/consents/health_in_unit`)
      .set('cookie', cw)
      .send({ given: true })
      .expect(200);
    const shown = await t.http().get(url).set('cookie', cw).expect(200);
    expect(shown.body.efforts).toHaveLength(1);
    expect(shown.body.healthHidden).toBe(false);
    expect(await keys(cw)).toContain('health_mastery');
  });

  it('pushes plan:updated to everyone viewing the plan, the author included', async () => {
    const social = await t.login(demo.social);
    const { kase } = await createCase(t, cw, cwId);
    const connect = (cookie: string) => t.connect({ cookie });
    const [a, b] = await Promise.all([connect(cw), connect(social)]);
    for (const s of [a, b]) expect(await s.emitWithAck('plan:join', { caseId: kase.id })).toEqual({ ok: true });
    const got = [a, b].map((s) => new Promise((resolve) => s.once('plan:updated', resolve)));
    await t
      .http()
      .put(`/api/cases/${kase.id}/plan`)
      .set('cookie', cw)
      .set('if-match', '"1"')
      .send({ jobGoal: 'Kontor' })
      .expect(200);
    expect(await Promise.all(got)).toEqual([
      { caseId: kase.id, version: 2 },
      { caseId: kase.id, version: 2 },
    ]);
    const otherTeam = await connect(await t.login('mette.skov@demo.tvaers.dk'));
    expect(await otherTeam.emitWithAck('plan:join', { caseId: kase.id })).toEqual({ ok: false, code: 'NOT_FOUND' });
    for (const s of [a, b, otherTeam]) s.close();
  });
});
