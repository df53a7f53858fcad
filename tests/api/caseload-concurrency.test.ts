import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/app';
import type { ApiProblem } from '../support/client';
import { createCitizen, createStaff, createTeam } from '../support/factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const load = async (staffId: string) => {
  const [row] = await t.app
    .get(DataSource)
    .query<{ load: string }[]>(
      `SELECT COALESCE(sum(weight), 0) AS load FROM "case" WHERE responsible_id = $1 AND status = 'active'`,
      [staffId],
    );
  return Number(row.load);
};

/** A manager and a caseworker with room for exactly 3 (weight 1 each), in a team of their own. */
async function setup() {
  const teams = [await createTeam(t)];
  const manager = await createStaff(t, { kind: 'manager', teams });
  const person = await createStaff(t, { teams, ceiling: 3 });
  const holder = await createStaff(t, { teams });
  return { manager, person, holder };
}

const outcome = async (calls: Promise<unknown>[]) => {
  const results = await Promise.allSettled(calls);
  const ok = results.filter((r) => r.status === 'fulfilled').length;
  const codes = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as ApiProblem).code] : []));
  return { ok, codes };
};

describe('the ceiling under concurrency', () => {
  it('12 simultaneous assignments from the queue to a person with room for 3: exactly 3 succeed, 9 get 409', async () => {
    const { manager, person } = await setup();
    const queued = [];
    for (let i = 0; i < 12; i++) {
      const citizen = await createCitizen(t, manager.cookie);
      queued.push(await manager.api.cases.create({ citizenId: citizen.id, weight: 1 }));
    }
    const { ok, codes } = await outcome(queued.map((k) => manager.api.cases.assign(k.id, { staffId: person.id })));
    expect(ok).toBe(3);
    expect(codes).toEqual(Array(9).fill('CASELOAD_CEILING_EXCEEDED'));
    expect(await load(person.id)).toBe(3);
    const caseload = await manager.api.caseload.get(manager.teams[0].id);
    expect(caseload.queue).toHaveLength(9);
    expect(caseload.rows.find((r) => r.staffId === person.id)).toMatchObject({ load: 3, status: 'near' });
  });

  it('12 simultaneous reassignments to a person with room for 3: exactly 3 succeed, 9 get 409', async () => {
    const { manager, person, holder } = await setup();
    const cases = [];
    for (let i = 0; i < 12; i++) {
      const citizen = await createCitizen(t, manager.cookie);
      cases.push(await manager.api.cases.create({ citizenId: citizen.id, responsibleId: holder.id, weight: 1 }));
    }
    const { ok, codes } = await outcome(cases.map((k) => manager.api.cases.update(k.id, { responsibleId: person.id })));
    expect(ok).toBe(3);
    expect(codes).toEqual(Array(9).fill('CASELOAD_CEILING_EXCEEDED'));
    expect(await load(person.id)).toBe(3);
    expect(await load(holder.id)).toBe(9);
  });

  it('the same queued case assigned to two people at once ends with one of them, and the history follows the order the changes took effect', async () => {
    const { manager, person, holder } = await setup();
    const citizen = await createCitizen(t, manager.cookie);
    const k = await manager.api.cases.create({ citizenId: citizen.id, weight: 1 });
    await Promise.all([
      manager.api.cases.assign(k.id, { staffId: person.id }),
      manager.api.cases.assign(k.id, { staffId: holder.id }),
    ]);
    const history = (await manager.api.cases.assignments(k.id)).items;
    const final = await manager.api.cases.get(k.id);
    expect(history[history.length - 1].toStaffId).toBe(final.responsibleId);
    expect(history.slice(1).map((h) => h.fromStaffId)).toEqual([null, history[1].toStaffId]);
  });
});
