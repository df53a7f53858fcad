import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/app';
import { createCitizen, createStaff, createTeam, type Staff } from '../support/factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const sql = <T = unknown>(query: string, params: unknown[] = []) => t.app.get(DataSource).query<T>(query, params);

/** A team with a default ceiling of 5 since 60 days ago; a and b each hold two cases since 30 days ago. */
async function teamWithHistory() {
  const team = await createTeam(t);
  const teams = [team];
  const [manager, a, b] = await Promise.all([
    createStaff(t, { kind: 'manager', teams }),
    createStaff(t, { teams }),
    createStaff(t, { teams }),
  ]);
  await manager.api.caseload.setTeam(team.id, { targetGroupId: null, ceiling: 5 });
  const cases = [];
  for (const holder of [a, a, b, b]) cases.push(await newCase(holder));
  // The past, as time would have made it: the team's ceiling and the cases are older than today.
  await sql(`UPDATE caseload_ceiling_change SET at = now() - interval '60 days' WHERE subject_id = $1`, [team.id]);
  await sql(`UPDATE case_assignment SET at = now() - interval '30 days' WHERE to_staff_id = ANY($1::uuid[])`, [
    [a.id, b.id],
  ]);
  return { team, manager, a, b, cases };
}

async function newCase(holder: Staff) {
  const citizen = await createCitizen(t, holder.cookie);
  return holder.api.cases.create({ citizenId: citizen.id, responsibleId: holder.id, weight: 1 });
}

const daysOver = (figures: { daysOverCeiling: { staffId: string; days: number }[] }, id: string) =>
  figures.daysOverCeiling.find((d) => d.staffId === id)?.days;

describe('ceiling history', () => {
  it('a person’s ceiling lowered today adds at most one day over; the series shows the change on its day', async () => {
    const { team, manager, a } = await teamWithHistory();
    let figures = await manager.api.caseload.figures(team.id);
    expect(daysOver(figures, a.id)).toBe(0);

    await manager.api.caseload.setCeiling(a.id, { ceiling: 1 });
    figures = await manager.api.caseload.figures(team.id);
    expect(daysOver(figures, a.id)).toBe(1);

    const days = figures.history.find((h) => h.staffId === a.id)!.days;
    expect(days).toHaveLength(90);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
    expect(days.at(-1)).toEqual({ date: today, load: 2, ceiling: 1, over: true });
    expect(days.at(-2)).toMatchObject({ load: 2, ceiling: 5, over: false });
    expect(days.at(-60)).toMatchObject({ load: 0, ceiling: 5, over: false });
    expect(days[0]).toMatchObject({ load: 0, ceiling: null }); // the team had no ceiling before then
    expect(days.filter((d) => d.over)).toHaveLength(1);
    expect(days.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.date))).toBe(true);
  });

  it('a team’s ceiling lowered today counts from today for everyone it applies to', async () => {
    const { team, manager, a, b } = await teamWithHistory();
    await manager.api.caseload.setCeiling(a.id, { ceiling: 10 });
    await manager.api.caseload.setTeam(team.id, { targetGroupId: null, ceiling: 1 });
    const figures = await manager.api.caseload.figures(team.id);
    expect(daysOver(figures, b.id)).toBe(1);
    expect(daysOver(figures, a.id)).toBe(0); // their own ceiling applies
    const days = figures.history.find((h) => h.staffId === b.id)!.days;
    expect(days.slice(-2).map((d) => d.ceiling)).toEqual([5, 1]);
  });

  it('the overrides list names the case, from whom, to whom, by whom and why', async () => {
    const { team, manager, a, b, cases } = await teamWithHistory();
    await manager.api.caseload.setCeiling(a.id, { ceiling: 2 });
    const moved = cases[2]; // one of b's
    await manager.api.cases.assign(moved.id, { staffId: a.id, override: { reason: 'Kender borgeren' } });
    const { overrides } = await manager.api.caseload.get(team.id);
    expect(overrides[0]).toMatchObject({
      caseId: moved.id,
      citizenId: moved.citizenId,
      fromStaffId: b.id,
      fromName: b.name,
      staffId: a.id,
      toName: a.name,
      byName: manager.name,
      reason: 'Kender borgeren',
      change: 'case.assign',
    });
    expect(overrides[0].citizenName).toEqual(expect.any(String));

    await manager.api.cases.update(cases[3].id, { responsibleId: a.id, override: { reason: 'Samme familie' } });
    const [latest] = (await manager.api.caseload.get(team.id)).overrides;
    expect(latest).toMatchObject({ change: 'case.update', fromName: b.name, toName: a.name, reason: 'Samme familie' });
  });
});
