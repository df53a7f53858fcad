// Moving cases between colleagues from the dashboard: POST /api/caseload/moves and GET /api/caseload/move-suggestions.
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { socketsPerTest, startTestApp, type TestApp } from '../support/app';
import { invalid, problem } from '../support/client';
import { createStaff, createTeam, openCase, type Staff } from '../support/factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** A team of its own: a manager, employment caseworkers `a` (the overloaded one) and `b`, a social and a health worker. */
async function newTeam(ceilings: { a?: number; b?: number } = {}) {
  const team = await createTeam(t);
  const teams = [team];
  const [manager, a, b, social, health] = await Promise.all([
    createStaff(t, { kind: 'manager', teams }),
    createStaff(t, { teams, ceiling: ceilings.a }),
    createStaff(t, { teams, ceiling: ceilings.b }),
    createStaff(t, { kind: 'social', teams, ceiling: 20 }),
    createStaff(t, { kind: 'health', teams, ceiling: 20 }),
  ]);
  return { team, manager, a, b, social, health };
}

const holders = async (manager: Staff, ids: string[]) =>
  Promise.all(ids.map(async (id) => (await manager.api.cases.get(id)).responsibleId));

describe('POST /api/caseload/moves', () => {
  it('moves several cases at once, each with its history and access-log row', async () => {
    const { team, manager, a, b } = await newTeam({ b: 10 });
    const cases = [await openCase(t, a, a), await openCase(t, a, a), await openCase(t, a, a, 0.5)];
    await manager.api.caseload.setCeiling(a.id, { ceiling: 2 });
    expect((await manager.api.caseload.get(team.id)).rows.find((r) => r.staffId === a.id)?.status).toBe('over');

    const moved = await manager.api.caseload.move({
      caseIds: [cases[0].id, cases[1].id],
      staffId: b.id,
      reason: 'Aflastning',
    });
    expect(moved.items.map((k) => [k.id, k.responsibleId])).toEqual([
      [cases[0].id, b.id],
      [cases[1].id, b.id],
    ]);
    expect(
      await holders(
        manager,
        cases.map((k) => k.id),
      ),
    ).toEqual([b.id, b.id, a.id]);
    const rows = (await manager.api.caseload.get(team.id)).rows;
    expect(rows.find((r) => r.staffId === a.id)).toMatchObject({ load: 0.5, status: 'ok' });
    expect(rows.find((r) => r.staffId === b.id)).toMatchObject({ load: 2, activeCases: 2 });
    const history = (await manager.api.cases.assignments(cases[0].id)).items.at(-1);
    expect(history).toMatchObject({ fromStaffId: a.id, toStaffId: b.id, byStaffId: manager.id, reason: 'Aflastning' });
    for (const k of cases.slice(0, 2)) {
      const log = await manager.api.citizens.accessLog(k.citizenId, { action: 'case.assign' });
      expect(log.items.filter((i) => i.actor.id === manager.id)).toHaveLength(1);
    }
  });

  it('counts the summed weight against the ceiling: refused with who has room for all, and nothing moves', async () => {
    const { manager, a, b, social, health } = await newTeam({ a: 2, b: 1 });
    const cases = [await openCase(t, a, a), await openCase(t, a, a)];
    const roomy = await createStaff(t, { teams: a.teams, ceiling: 3 });
    const small = await createStaff(t, { teams: a.teams, ceiling: 1 });
    const ids = cases.map((k) => k.id);
    // Each case alone would fit b; both do not.
    const over = await problem(manager.api.caseload.move({ caseIds: ids, staffId: b.id }));
    expect(over).toMatchObject({ status: 409, code: 'CASELOAD_CEILING_EXCEEDED' });
    // Same discipline with room for both: not `small` (room for one), not social or health staff, not a (the holder).
    expect(over.problem.suggestions).toEqual([{ staffId: roomy.id, name: roomy.name, load: 0, ceiling: 3 }]);
    expect(over.problem.suggestions?.map((s) => s.staffId)).not.toEqual(
      expect.arrayContaining([small.id, social.id, health.id, a.id]),
    );
    expect(await holders(manager, ids)).toEqual([a.id, a.id]);
    expect((await manager.api.cases.assignments(ids[0])).items).toHaveLength(1);
  });

  it('is all or nothing: a case outside the manager’s teams (404) or a closed one (400) stops the whole move', async () => {
    const { manager, a, b } = await newTeam({ b: 10 });
    const other = await newTeam();
    const mine = await openCase(t, a, a);
    const theirs = await openCase(t, other.a, other.a);
    const outside = await problem(manager.api.caseload.move({ caseIds: [mine.id, theirs.id], staffId: b.id }));
    expect(outside.status).toBe(404);
    const closed = await openCase(t, a, a);
    await a.api.cases.update(closed.id, { status: 'closed', closeReason: 'Borgeren er i job' });
    const bad = await problem(manager.api.caseload.move({ caseIds: [mine.id, closed.id], staffId: b.id }));
    expect(bad).toMatchObject({ status: 400, paths: ['caseIds'] });
    expect(await holders(manager, [mine.id])).toEqual([a.id]);
    expect(await holders(other.manager, [theirs.id])).toEqual([other.a.id]);
    // Cases of two teams of the manager's are two moves.
    const second = await createTeam(t);
    const both = await createStaff(t, { kind: 'manager', teams: [a.teams[0], second] });
    const c = await createStaff(t, { teams: [second] });
    const elsewhere = await openCase(t, c, c, 1, second);
    const mixed = await problem(both.api.caseload.move({ caseIds: [mine.id, elsewhere.id], staffId: b.id }));
    expect(mixed).toMatchObject({ status: 400, paths: ['caseIds'] });
  });

  it('passes the ceiling only by a manager’s override with a reason, listed for each case', async () => {
    const { team, manager, a, b } = await newTeam({ b: 1 });
    const cases = [await openCase(t, a, a), await openCase(t, a, a)];
    const ids = cases.map((k) => k.id);
    const noReason = await problem(manager.api.caseload.move({ caseIds: ids, staffId: b.id, override: invalid({}) }));
    expect(noReason).toMatchObject({ status: 400, paths: ['override.reason'] });
    await manager.api.caseload.move({ caseIds: ids, staffId: b.id, override: { reason: 'Kender familien' } });
    expect(await holders(manager, ids)).toEqual([b.id, b.id]);
    const caseload = await manager.api.caseload.get(team.id);
    expect(caseload.rows.find((r) => r.staffId === b.id)).toMatchObject({ load: 2, status: 'over' });
    const listed = caseload.overrides.filter((o) => ids.includes(o.caseId ?? ''));
    expect(listed.map((o) => o.caseId).sort()).toEqual([...ids].sort());
    for (const o of listed) {
      expect(o).toMatchObject({
        reason: 'Kender familien',
        change: 'case.assign',
        staffId: b.id,
        byName: manager.name,
      });
    }
  });

  it('is for managers of the cases’ team: a caseworker 403 (with or without override), another team’s manager 404', async () => {
    const { manager, a, b } = await newTeam({ b: 10 });
    const kase = await openCase(t, a, a);
    expect((await problem(a.api.caseload.move({ caseIds: [kase.id], staffId: b.id }))).status).toBe(403);
    const withOverride = a.api.caseload.move({ caseIds: [kase.id], staffId: b.id, override: { reason: 'Akut' } });
    expect((await problem(withOverride)).status).toBe(403);
    const other = await newTeam();
    expect((await problem(other.manager.api.caseload.move({ caseIds: [kase.id], staffId: b.id }))).status).toBe(404);
    expect((await problem(other.manager.api.caseload.moveSuggestions([kase.id]))).status).toBe(404);
    expect((await problem(a.api.caseload.moveSuggestions([kase.id]))).status).toBe(403);
    // Not a colleague in the case's team.
    const bad = await problem(manager.api.caseload.move({ caseIds: [kase.id], staffId: other.b.id }));
    expect(bad).toMatchObject({ status: 400, paths: ['responsibleId'] });
    const twice = await problem(manager.api.caseload.move({ caseIds: [kase.id, kase.id], staffId: b.id }));
    expect(twice).toMatchObject({ status: 400, paths: ['caseIds'] });
    expect(await holders(manager, [kase.id])).toEqual([a.id]);
  });
});

describe('suggestions', () => {
  it('for several cases: room for their summed weight, same discipline and who knows a citizen first, no health staff', async () => {
    const { manager, a, b, social, health } = await newTeam({ a: 10, b: 10 });
    const knows = await createStaff(t, { teams: a.teams, ceiling: 10 });
    const small = await createStaff(t, { teams: a.teams, ceiling: 1 });
    const cases = [await openCase(t, a, a), await openCase(t, a, a)];
    await openCase(t, a, b); // b: 10 %
    await manager.api.cases.setMember(cases[1].id, { staffId: knows.id, role: 'mentor' });
    await openCase(t, a, knows); // knows: 10 %, but knows the second citizen
    const ids = (await manager.api.caseload.moveSuggestions(cases.map((k) => k.id))).items.map((s) => s.staffId);
    expect(ids).toEqual([knows.id, b.id, social.id]);
    expect(ids).not.toContain(health.id);
    expect(ids).not.toContain(small.id);
  });

  it('never offers health staff as room for a queued (employment) case, nor counts them in the team’s capacity', async () => {
    const { team, manager, a, b, social, health } = await newTeam({ a: 10, b: 10 });
    await openCase(t, a, a, 5);
    const queued = await openCase(t, a, null);
    const suggested = (await manager.api.cases.suggestions(queued.id)).items.map((s) => s.staffId);
    expect(suggested).toEqual(expect.arrayContaining([a.id, b.id, social.id]));
    expect(suggested).not.toContain(health.id);
    // Capacity for the team's cases: a, b and the social worker (10 + 10 + 20), not the health worker's 20.
    expect(await manager.api.caseload.figures(team.id)).toMatchObject({ capacity: 40, load: 5 });
  });
});

describe('live', () => {
  const connect = socketsPerTest(() => t);
  type Payload = { teamId: string; rows: { staffId: string; load: number }[] };
  const hears = (s: Socket, teamId: string, staffId: string, load: number) =>
    new Promise<void>((resolve) =>
      s.on('caseload:updated', (p: Payload) => {
        if (p.teamId === teamId && p.rows.some((r) => r.staffId === staffId && r.load === load)) resolve();
      }),
    );

  it('tells the managers of the old and of the new holder’s teams', async () => {
    const { team, manager, a, b } = await newTeam({ b: 10 });
    const second = await newTeam();
    const otherManager = await createStaff(t, { kind: 'manager', teams: [team] });
    // b also works in a second team, whose manager sees b's load grow there.
    await t.app
      .get(DataSource)
      .query(`INSERT INTO team_member (staff_id, team_id) VALUES ($1, $2)`, [b.id, second.team.id]);
    const cases = [await openCase(t, a, a), await openCase(t, a, a)];
    const [mine, colleague, theirs] = await Promise.all([
      connect({ cookie: manager.cookie }),
      connect({ cookie: otherManager.cookie }),
      connect({ cookie: second.manager.cookie }),
    ]);
    const heard = Promise.all([
      hears(mine, team.id, a.id, 0),
      hears(colleague, team.id, b.id, 2),
      hears(theirs, second.team.id, b.id, 2),
    ]);
    await manager.api.caseload.move({ caseIds: cases.map((k) => k.id), staffId: b.id });
    await heard;
  });
});
