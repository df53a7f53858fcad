// The privacy holes found when Tværs was tried as a new user, each one closed.
import type { AccessLog, UpdateEffort } from '@tvaers/contracts';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/app';
import { apiClient, problem } from '../support/client';
import { createCase, createCitizen, createStaff, createTeamOf } from '../support/factories';
import { auditCount } from '../support/audit';

let t: TestApp;
let ds: DataSource;
let cw: string, cwId: string, cwName: string, manager: string, health: string, syd: string, admin: string;
beforeAll(async () => {
  t = await startTestApp();
  ds = t.app.get(DataSource);
  // Team "Nord" of this file's own: a caseworker, their manager and a health colleague; "Syd" is another team.
  const nord = await createTeamOf(t, 'caseworker', 'manager', 'health');
  ({ cookie: cw, id: cwId, name: cwName } = nord.caseworker);
  [manager, health] = [nord.manager.cookie, nord.health.cookie];
  syd = (await createStaff(t)).cookie;
  admin = (await createStaff(t, { kind: 'admin' })).cookie;
});
afterAll(() => t.close());

/** The typed API as the caller with this session cookie. */
const api = (cookie: string) => apiClient(t, cookie);

const auditRows = (citizenId: string, action?: string) => auditCount(ds, { citizenId, action });

describe('a caseworker of another team', () => {
  it('cannot read, reveal the CPR of, or change the consent of a citizen of team Nord', async () => {
    const { citizen } = await createCase(t, cw, cwId, 0.01);
    const before = await auditRows(citizen.id);
    const get = await problem(api(syd).citizens.get(citizen.id));
    const reveal = await problem(api(syd).citizens.revealCpr(citizen.id, { reason: 'Nysgerrig' }));
    const consent = await problem(api(syd).citizens.setConsent(citizen.id, 'health_in_unit', { given: true }));
    expect([get.status, reveal.status, consent.status]).toEqual([404, 404, 404]);
    expect(reveal.problem).not.toHaveProperty('cpr');
    const consents = await api(cw).citizens.consents(citizen.id);
    expect(consents.items.find((c) => c.scope === 'health_in_unit')?.given).toBe(false);
    // A refused attempt reads nothing; the caseworker's own read above is the one row added.
    expect(await auditRows(citizen.id)).toBe(before + 1);
  });

  it('does not find team Nord citizens by name; an exact CPR finds only a citizen without an active case (intake)', async () => {
    const { citizen } = await createCase(t, cw, cwId, 0.01);
    const byName = await api(syd).citizens.search({ q: citizen.name });
    expect(byName.items.map((c) => c.id)).not.toContain(citizen.id);
    const byCpr = await api(syd).citizens.search({ q: citizen.cpr });
    expect(byCpr.items).toEqual([]);
    const open = await problem(
      api(syd).cases.create({ citizenId: citizen.id, responsibleId: (await api(syd).auth.me()).id }),
    );
    expect(open.status).toBe(404);

    // Registered by Nord, no case yet: Nord sees the citizen; Syd finds them only by exact CPR, as who they are.
    const intake = await createCitizen(t, cw);
    await api(cw).citizens.get(intake.id);
    expect((await problem(api(syd).citizens.get(intake.id))).status).toBe(404);
    const found = await api(syd).citizens.search({ q: intake.cpr });
    expect(found.items).toEqual([{ id: intake.id, name: intake.name, cprMasked: intake.cprMasked }]);
    expect((await api(syd).citizens.search({ q: intake.name })).items).toEqual([]);
  });
});

describe('consent', () => {
  it('ten parallel first consents of one citizen all land, one after the other, with one access-log row each', async () => {
    const { citizen } = await createCase(t, cw, cwId, 0.01);
    // Only consent rows: another test listing this team's cases at the same moment adds its own rows.
    const consentRows = async () =>
      (await auditRows(citizen.id, 'consent.give')) + (await auditRows(citizen.id, 'consent.withdraw'));
    const before = await consentRows();
    const given = Array.from({ length: 10 }, (_, i) => i % 2 === 0);
    const results = await Promise.all(
      given.map((g) => api(cw).citizens.setConsent(citizen.id, 'health_in_unit', { given: g })),
    );
    expect(results.map((r) => r.given)).toEqual(given);
    expect(await consentRows()).toBe(before + 10);
  });
});

describe('an administrator', () => {
  it('manages staff, not cases: no citizens, cases, plans or CPR numbers, but access logs', async () => {
    const { citizen, kase } = await createCase(t, cw, cwId, 0.01);
    expect((await api(admin).citizens.search()).items).toEqual([]);
    expect((await api(admin).cases.list()).items).toEqual([]);
    for (const read of [
      api(admin).citizens.get(citizen.id),
      api(admin).cases.get(kase.id),
      api(admin).plan.get(kase.id),
    ]) {
      expect((await problem(read)).status).toBe(404);
    }
    const reveal = await problem(api(admin).citizens.revealCpr(citizen.id, { reason: 'Kontrol' }));
    expect(reveal.status).toBe(404);
    await api(admin).citizens.accessLog(citizen.id);
  });
});

describe('the health rule', () => {
  it('a colleague outside health without consent cannot change or even see a health effort by id, not with {} either', async () => {
    const { citizen, kase } = await createCase(t, cw, cwId, 0.01);
    const effort = await api(health).plan.addEffort(kase.id, {
      type: 'psykoedukation',
      title: 'Psykoedukation',
      discipline: 'health',
    });
    const update = (cookie: string, body: UpdateEffort) => api(cookie).plan.updateEffort(kase.id, effort.id, body);
    const change = await problem(update(cw, { title: 'Ændret' }));
    const empty = await problem(update(cw, {}));
    expect([change.status, empty.status]).toEqual([404, 404]);
    expect(JSON.stringify(empty.problem)).not.toContain('Psykoedukation');
    // Health staff may; an empty change is still an access, and logged as one.
    const before = await auditRows(citizen.id, 'plan.update');
    await update(health, {});
    expect(await auditRows(citizen.id, 'plan.update')).toBe(before + 1);
    // With the citizen's consent the colleague may.
    await api(cw).citizens.setConsent(citizen.id, 'health_in_unit', { given: true });
    await update(cw, { title: 'Psykoedukation i gruppe' });
  });

  it('says so up front instead of storing what the user could not see afterwards', async () => {
    const { kase } = await createCase(t, cw, cwId, 0.01);
    const score = await problem(
      api(cw).indicators.score(kase.id, { ratedBy: 'caseworker', scores: { health_mastery: 3, job_belief: 6 } }),
    );
    expect(score.status).toBe(403);
    expect(score.code).toBe('HEALTH_CONSENT_REQUIRED');
    const indicators = await api(cw).indicators.get(kase.id);
    expect(indicators.healthHidden).toBe(true);
    // The plan tells the UI up front whether the reader may see (and so enter) health data.
    const plan = (reader: string) => api(reader).plan.get(kase.id);
    expect((await plan(cw)).healthVisible).toBe(false);
    expect((await plan(health)).healthVisible).toBe(true);
    expect(indicators.items.every((i) => i.caseworker.length === 0)).toBe(true);
    const [{ n }] = await ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM indicator_score WHERE case_id = $1`,
      [kase.id],
    );
    expect(n).toBe(0);

    await api(health).plan.addEffort(kase.id, { type: 'behandling', title: 'Behandling', discipline: 'health' });
    const history = await api(cw).plan.history(kase.id);
    expect(history.items[0]).toEqual(expect.objectContaining({ version: 2, changes: [], healthHidden: true }));
    const healthView = await api(health).plan.history(kase.id);
    expect(healthView.items[0].healthHidden).toBe(false);
    expect(healthView.items[0].changes).toHaveLength(1);
  });
});

describe('the access log', () => {
  it('pages through every row (a CPR reveal cannot be buried under cheap reads) and filters by action', async () => {
    const { citizen } = await createCase(t, cw, cwId, 0.01);
    await api(cw).citizens.revealCpr(citizen.id, { reason: 'Partshøring' });
    // 520 cheap reads after the reveal, written directly to keep the test quick.
    await ds.query(
      `INSERT INTO audit_entry (actor_kind, actor_id, actor_name, citizen_id, action, entity, entity_id)
       SELECT 'staff', $2, $3, $1, 'citizen.read', 'citizen', $1 FROM generate_series(1, 520)`,
      [citizen.id, cwId, cwName],
    );
    const total = await auditRows(citizen.id);
    const seen: { action: string; at: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: AccessLog = await api(manager).citizens.accessLog(citizen.id, cursor ? { cursor } : {});
      expect(page.items.length).toBeLessThanOrEqual(100);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    // Every row once, plus the first page's own access_log.read row; later pages' rows are newer than the walk.
    expect(pages).toBeGreaterThan(5);
    expect(seen.length).toBe(total + 1);
    expect(seen.filter((e) => e.action === 'citizen.reveal_cpr')).toHaveLength(1);
    const times = seen.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const filtered = await api(manager).citizens.accessLog(citizen.id, { action: 'citizen.reveal_cpr' });
    // One row, matched field by field (toMatchObject on an array: same length, each a subset).
    expect(filtered.items).toMatchObject([
      { action: 'citizen.reveal_cpr', purpose: 'Partshøring', actor: { id: cwId } },
    ]);
    expect(filtered.nextCursor).toBeNull();
    const bad = await problem(api(manager).citizens.accessLog(citizen.id, { cursor: 'nope' }));
    expect(bad.status).toBe(400);
  });
});
