import { DataSource } from 'typeorm';
import { demo, socketsPerTest, startTestApp, type TestApp } from '../support/app';
import { apiClient, invalid, problem } from '../support/client';
import { createCitizen, createStaff, createTeam, openCase } from '../support/factories';
import { eventually } from '../support/wait';
import { auditCount } from '../support/audit';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const sql = <T = unknown>(query: string, params: unknown[] = []) => t.app.get(DataSource).query<T>(query, params);

/** A team of its own: a manager, two employment caseworkers (ceilings given), a social worker. */
async function newTeam(ceilings: { a?: number; b?: number } = {}) {
  const team = await createTeam(t);
  const teams = [team];
  const [manager, a, b, social] = await Promise.all([
    createStaff(t, { kind: 'manager', teams }),
    createStaff(t, { teams, ceiling: ceilings.a }),
    createStaff(t, { teams, ceiling: ceilings.b }),
    createStaff(t, { kind: 'social', teams }),
  ]);
  return { team, manager, a, b, social };
}

describe('ceilings', () => {
  it('take the person’s own, else the team’s, else the team’s target group’s default', async () => {
    const { team, manager, a, b } = await newTeam({ a: 10 });
    await manager.api.caseload.setTeam(team.id, { targetGroupId: 'job_ready', ceiling: null });
    let rows = (await manager.api.caseload.get(team.id)).rows;
    expect(rows.find((r) => r.staffId === a.id)).toMatchObject({ ceiling: 10, personalCeiling: 10 });
    expect(rows.find((r) => r.staffId === b.id)).toMatchObject({ ceiling: 45, personalCeiling: null });
    expect(await manager.api.caseload.setTeam(team.id, { targetGroupId: 'job_ready', ceiling: 30 })).toMatchObject({
      ceiling: 30,
    });
    rows = (await manager.api.caseload.get(team.id)).rows;
    expect(rows.find((r) => r.staffId === b.id)).toMatchObject({ ceiling: 30 });
    const caseload = await manager.api.caseload.get(team.id);
    expect(caseload.team).toMatchObject({
      ceiling: 30,
      targetGroup: { id: 'job_ready', rangeMin: 35, rangeMax: 55, defaultCeiling: 45 },
    });
  });

  it('of a team are set by its managers; others 403, another team’s manager 404, an unknown group 400', async () => {
    const { team, manager, a } = await newTeam();
    const body = { targetGroupId: 'ips', ceiling: null };
    expect((await manager.api.caseload.setTeam(team.id, body)).targetGroup?.defaultCeiling).toBe(20);
    expect((await problem(a.api.caseload.setTeam(team.id, body))).status).toBe(403);
    const other = await newTeam();
    expect((await problem(other.manager.api.caseload.setTeam(team.id, body))).status).toBe(404);
    const unknown = await problem(manager.api.caseload.setTeam(team.id, { targetGroupId: 'x', ceiling: null }));
    expect(unknown).toMatchObject({ status: 400, paths: ['targetGroupId'] });
  });

  it('are set by a manager of the person’s team; others 403, a stranger 404', async () => {
    const { manager, a, b } = await newTeam();
    expect(await manager.api.caseload.setCeiling(a.id, { ceiling: 2 })).toMatchObject({
      staffId: a.id,
      ceiling: 2,
      personalCeiling: 2,
      status: 'ok',
    });
    expect((await problem(b.api.caseload.setCeiling(a.id, { ceiling: 50 }))).status).toBe(403);
    const stranger = await newTeam();
    expect((await problem(stranger.manager.api.caseload.setCeiling(a.id, { ceiling: 50 }))).status).toBe(404);
    const bad = await problem(manager.api.caseload.setCeiling(a.id, invalid({ ceiling: -1 })));
    expect(bad).toMatchObject({ status: 400, paths: ['ceiling'] });
    expect(await manager.api.caseload.setCeiling(a.id, { ceiling: null })).toMatchObject({ ceiling: null });
  });
});

describe('GET /api/caseload', () => {
  it('shows each person’s load, utilisation and status, and the queue with waiting time', async () => {
    const { team, manager, a, b } = await newTeam({ a: 2, b: 10 });
    await openCase(t, a, a, 1);
    await openCase(t, a, a, 0.8);
    const queued = await openCase(t, a, null, 1);
    expect(queued).toMatchObject({ responsibleId: null, responsibleName: null, teamId: team.id });
    await sql(`UPDATE "case" SET opened_at = now() - interval '3 days' WHERE id = $1`, [queued.id]);
    const caseload = await manager.api.caseload.get(team.id);
    expect(caseload.rows.find((r) => r.staffId === a.id)).toEqual({
      staffId: a.id,
      name: a.name,
      discipline: 'employment',
      activeCases: 2,
      load: 1.8,
      ceiling: 2,
      personalCeiling: 2,
      utilization: 0.9,
      status: 'near',
    });
    expect(caseload.rows.find((r) => r.staffId === b.id)).toMatchObject({ load: 0, status: 'ok' });
    expect(caseload.queue).toEqual([expect.objectContaining({ caseId: queued.id, waitingDays: 3, weight: 1 })]);
  });

  it('is for the team’s managers only: a caseworker 403, another team’s manager 404', async () => {
    const { team, a } = await newTeam();
    expect((await problem(a.api.caseload.get(team.id))).status).toBe(403);
    const other = await newTeam();
    expect((await problem(other.manager.api.caseload.get(team.id))).status).toBe(404);
  });
});

describe('enforcement', () => {
  it('refuses a reassignment past the ceiling with colleagues of the same discipline who have room', async () => {
    const { manager, a, b, social } = await newTeam({ a: 1, b: 5 });
    await openCase(t, a, a, 1);
    const kase = await openCase(t, a, b, 1);
    const over = await problem(a.api.cases.update(kase.id, { responsibleId: a.id }));
    expect(over).toMatchObject({ status: 409, code: 'CASELOAD_CEILING_EXCEEDED' });
    // b holds the case; nobody else of employment has room (social is another discipline)
    expect(over.problem.suggestions).toEqual([]);
    const third = await createStaff(t, { teams: a.teams, ceiling: 3 });
    const again = await problem(a.api.cases.update(kase.id, { responsibleId: a.id }));
    expect(again.problem.suggestions).toEqual([{ staffId: third.id, name: third.name, load: 0, ceiling: 3 }]);
    expect(again.problem.suggestions?.some((s) => s.staffId === social.id)).toBe(false);
    const moved = await manager.api.cases.update(kase.id, {
      responsibleId: a.id,
      override: { reason: 'Kender borgeren' },
    });
    expect(moved.responsibleId).toBe(a.id);
  });

  it('refuses a reopening past the ceiling', async () => {
    const { a } = await newTeam({ a: 1 });
    const kase = await openCase(t, a, a, 1);
    await a.api.cases.update(kase.id, { status: 'closed', closeReason: 'I job' });
    await openCase(t, a, a, 1);
    const over = await problem(a.api.cases.update(kase.id, { status: 'active' }));
    expect(over).toMatchObject({ status: 409, code: 'CASELOAD_CEILING_EXCEEDED' });
  });

  it('needs a manager and a reason to override; the override is listed for the team', async () => {
    const { team, manager, a } = await newTeam({ a: 1 });
    await openCase(t, a, a, 1);
    const queued = await openCase(t, a, null, 1);
    expect((await problem(a.api.cases.assign(queued.id, { staffId: a.id }))).code).toBe('CASELOAD_CEILING_EXCEEDED');
    const mine = await problem(a.api.cases.assign(queued.id, { staffId: a.id, override: { reason: 'Akut' } }));
    expect(mine.status).toBe(403);
    const noReason = await problem(manager.api.cases.assign(queued.id, { staffId: a.id, override: invalid({}) }));
    expect(noReason).toMatchObject({ status: 400, paths: ['override.reason'] });
    await manager.api.cases.assign(queued.id, { staffId: a.id, override: { reason: 'Ingen andre har plads' } });
    const caseload = await manager.api.caseload.get(team.id);
    expect(caseload.rows.find((r) => r.staffId === a.id)).toMatchObject({ load: 2, status: 'over' });
    expect(caseload.overrides[0]).toMatchObject({
      caseId: queued.id,
      reason: 'Ingen andre har plads',
      byName: manager.name,
      change: 'case.assign',
      staffId: a.id,
    });
  });
});

describe('the intake queue', () => {
  it('assigns a queued case and keeps its history (who, from, to, when, why); reading it is logged', async () => {
    const { team, manager, a, b } = await newTeam({ a: 5, b: 5 });
    const kase = await openCase(t, a, null, 1);
    await manager.api.cases.assign(kase.id, { staffId: a.id, reason: 'Ledig tid' });
    await manager.api.cases.update(kase.id, { responsibleId: b.id });
    await b.api.cases.update(kase.id, { status: 'closed', closeReason: 'Borgeren er i job' });
    const history = (await manager.api.cases.assignments(kase.id)).items;
    expect(history.map((h) => [h.fromStaffId, h.toStaffId, h.byStaffId, h.reason])).toEqual([
      [null, null, a.id, null],
      [null, a.id, manager.id, 'Ledig tid'],
      [a.id, b.id, manager.id, null],
      [b.id, null, b.id, 'Borgeren er i job'],
    ]);
    expect(history.every((h) => h.teamId === team.id && h.weight === 1)).toBe(true);
    const log = await manager.api.citizens.accessLog(kase.citizenId);
    expect(log.items.map((i) => i.action)).toContain('case.assignments.read');
    expect((await manager.api.caseload.get(team.id)).queue).toEqual([]);
  });

  it('suggests who has room: same discipline, who knows the citizen first, then lowest utilisation', async () => {
    const { manager, a, b, social } = await newTeam({ a: 4, b: 4 });
    const full = await createStaff(t, { teams: a.teams, ceiling: 1 });
    await openCase(t, a, full, 1);
    await openCase(t, a, b, 1); // b: 25 %, a: 0 %
    const kase = await openCase(t, a, a, 1);
    await manager.api.cases.update(kase.id, { responsibleId: b.id }); // a knows the citizen, b now holds it
    const ids = (await manager.api.cases.suggestions(kase.id)).items.map((s) => s.staffId);
    // the holder is not suggested; `full` has no room; a knows the citizen; social is another discipline
    expect(ids).toEqual([a.id, social.id]);
    const queued = await openCase(t, a, null, 1);
    const forQueued = (await manager.api.cases.suggestions(queued.id)).items;
    expect(forQueued.map((s) => s.staffId)).toEqual(expect.arrayContaining([a.id, b.id, social.id]));
    expect(forQueued.find((s) => s.staffId === full.id)).toBeUndefined();
    expect(forQueued[0].utilization ?? 0).toBeLessThanOrEqual(forQueued[1].utilization ?? 0);
  });

  it('queues a case in a team of the actor’s only', async () => {
    const { a } = await newTeam();
    const other = await createTeam(t);
    const citizen = await createCitizen(t, a.cookie);
    const bad = await problem(a.api.cases.create({ citizenId: citizen.id, teamId: other.id }));
    expect(bad).toMatchObject({ status: 400, paths: ['teamId'] });
  });
});

describe('figures', () => {
  it('are computed from the history: days over ceiling, continuity, queue and forecast', async () => {
    const { team, manager, a, b } = await newTeam({ a: 1, b: 5 });
    await openCase(t, a, a, 1);
    const kase = await openCase(t, a, b, 1);
    await manager.api.cases.update(kase.id, { responsibleId: a.id, override: { reason: 'Kontinuitet' } });
    await openCase(t, a, null, 1);
    const figures = await manager.api.caseload.figures(team.id);
    expect(figures.daysOverCeiling.find((d) => d.staffId === a.id)?.days).toBe(1);
    expect(figures.daysOverCeiling.find((d) => d.staffId === b.id)?.days).toBe(0);
    expect(figures.continuity).toMatchObject({ changes: 1 });
    expect(figures).toMatchObject({ queueLength: 1, oldestWaitDays: 0, load: 2 });
    expect(figures.forecast.intakePerWeek).toBe(0.38); // 3 weighted cases in 8 weeks
    expect((await problem(a.api.caseload.figures(team.id))).status).toBe(403);
  });
});

describe('live', () => {
  const connect = socketsPerTest(() => t);

  it('tells the team’s managers of each assignment, in order; not a caseworker or manager of another team', async () => {
    const { team, manager, a } = await newTeam({ a: 5 });
    const other = await newTeam();
    const managerSocket = await connect({ cookie: manager.cookie });
    const outsider = await connect({ cookie: other.a.cookie });
    const outsiderManager = await connect({ cookie: other.manager.cookie });
    type Payload = { teamId: string; rows: { staffId: string; load: number }[] };
    const heard: string[] = [];
    outsider.on('caseload:updated', (p: Payload) => heard.push(`outsider: ${p.teamId}`));
    outsiderManager.on('caseload:updated', (p: Payload) => heard.push(`other manager: ${p.teamId}`));
    const queued = await openCase(t, a, null, 1);
    // a's load as each push the manager hears tells it, in the order they arrive.
    const told: { teamId: string; load: number }[] = [];
    managerSocket.on('caseload:updated', (p: Payload) => {
      const row = p.rows.find((r) => r.staffId === a.id);
      if (row && row.load > 0) told.push({ teamId: p.teamId, load: row.load });
    });
    await manager.api.cases.assign(queued.id, { staffId: a.id });
    // No clock: the assignment is told in a push of its own, before a later change is (a periodic batch is not).
    await openCase(t, a, a, 1);
    await eventually('the push of the later change', () => (told.some((x) => x.load === 2) ? true : undefined));
    expect(told).toEqual([
      { teamId: team.id, load: 1 },
      { teamId: team.id, load: 2 },
    ]);
    // Those of another team had their chance to hear of it: a change in their own team is pushed to its manager
    // after the pushes above, and a round trip on the caseworker's connection comes back after anything sent to it.
    await openCase(t, other.a, other.a, 1);
    const ownTeam = `other manager: ${other.team.id}`;
    await eventually('the other team’s own push', () => (heard.includes(ownTeam) ? true : undefined));
    await outsider.timeout(5_000).emitWithAck('plan:join', {});
    expect(heard.filter((h) => h !== ownTeam)).toEqual([]);
  });
});

describe('the demo unit', () => {
  it('has target groups, a queue and assignment history for its manager', async () => {
    const manager = apiClient(t, await t.login(demo.manager));
    const [nord] = await sql<{ id: string }[]>(`SELECT id FROM team WHERE name = 'Tværfagligt team Nord'`);
    const caseload = await manager.caseload.get(nord.id);
    expect(caseload.team.targetGroup?.id).toBe('activity_ready');
    expect(caseload.queue.length).toBeGreaterThanOrEqual(3);
    expect(caseload.queue[0].waitingDays).toBeGreaterThanOrEqual(9);
    expect(caseload.rows.length).toBeGreaterThan(0);
    const figures = await manager.caseload.figures(nord.id);
    expect(figures.continuity.changes).toBeGreaterThan(0);
  });
});

describe('the access log', () => {
  it('has one row per citizen per request, for a citizen both in the queue and among the overrides', async () => {
    const { team, manager, a } = await newTeam({ a: 0 });
    // Let past a's ceiling by an override, closed, then back in the queue with a new case.
    const first = await openCase(t, a, null);
    await manager.api.cases.assign(first.id, { staffId: a.id, override: { reason: 'Kender borgeren' } });
    await a.api.cases.update(first.id, { status: 'closed', closeReason: 'Flyttet' });
    await a.api.cases.create({ citizenId: first.citizenId, weight: 1 });
    const caseload = await manager.api.caseload.get(team.id);
    expect(caseload.queue.map((q) => q.citizenId)).toContain(first.citizenId);
    expect(caseload.overrides.map((o) => o.citizenId)).toContain(first.citizenId);
    const audit = {
      actorId: manager.id,
      citizenId: first.citizenId,
      action: ['caseload.queue.list', 'caseload.overrides.list'],
    };
    expect(await auditCount(t.app.get(DataSource), audit)).toBe(1);
  });
});
