import { benefits, type SetBenefitWeights } from '@tvaers/contracts';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/app';
import { invalid, problem } from '../support/client';
import { createCitizen, createStaff, type Staff } from '../support/factories';

// The benefit weights are the unit's: other test files create cases meanwhile, so this file changes only a
// benefit no other test gives its citizens, and puts its weight back at the end.
const BENEFIT = 'ledighedsydelse';

let t: TestApp;
let manager: Staff;
let original: number;
beforeAll(async () => {
  t = await startTestApp();
  manager = await createStaff(t, { kind: 'manager' });
  original = (await manager.api.caseload.benefitWeights()).items.find((w) => w.benefit === BENEFIT)!.weight;
});
afterAll(async () => {
  await manager.api.caseload.setBenefitWeights({ weights: [{ benefit: BENEFIT, weight: original }] });
  await t.close();
});

const sql = <T = unknown>(query: string, params: unknown[] = []) => t.app.get(DataSource).query<T>(query, params);
const weightOf = async (benefit: string) =>
  (await manager.api.caseload.benefitWeights()).items.find((w) => w.benefit === benefit)!.weight;
/** A different weight each call, so a test sees its own change. */
let step = 0;
const fresh = () => 2 + (step += 0.25);

describe('benefit weights', () => {
  it('list every benefit of the code list, 1 where none is set, and round-trip a change', async () => {
    const before = await manager.api.caseload.benefitWeights();
    expect(before.items.map((w) => w.benefit)).toEqual([...benefits]);
    const configured = await sql<{ benefit: string }[]>(`SELECT benefit FROM benefit_weight`);
    for (const w of before.items.filter((i) => !configured.some((c) => c.benefit === i.benefit))) {
      expect(w.weight).toBe(1);
    }
    const weight = fresh();
    const answer = await manager.api.caseload.setBenefitWeights({ weights: [{ benefit: BENEFIT, weight }] });
    expect(answer.items.find((w) => w.benefit === BENEFIT)?.weight).toBe(weight);
    // The answer and a new read agree; only the listed benefit changed.
    expect(await manager.api.caseload.benefitWeights()).toEqual(answer);
    expect(answer.items.filter((w) => w.benefit !== BENEFIT)).toEqual(
      before.items.filter((w) => w.benefit !== BENEFIT),
    );
  });

  it('are read and set by any manager, whatever their team; other roles 403', async () => {
    const other = await createStaff(t, { kind: 'manager' });
    const weight = fresh();
    await other.api.caseload.setBenefitWeights({ weights: [{ benefit: BENEFIT, weight }] });
    expect(await weightOf(BENEFIT)).toBe(weight);
    for (const kind of ['caseworker', 'social', 'health', 'admin'] as const) {
      const someone = await createStaff(t, { kind, teams: manager.teams });
      expect((await problem(someone.api.caseload.benefitWeights())).status).toBe(403);
      const refused = await problem(
        someone.api.caseload.setBenefitWeights({ weights: [{ benefit: BENEFIT, weight: 5 }] }),
      );
      expect(refused.status).toBe(403);
    }
    expect(await weightOf(BENEFIT)).toBe(weight);
  });

  it.each([
    ['a weight of 0', { weights: [{ benefit: BENEFIT, weight: 0 }] }, ['weights.0.weight']],
    ['a negative weight', { weights: [{ benefit: BENEFIT, weight: -1 }] }, ['weights.0.weight']],
    ['a weight above 10', { weights: [{ benefit: BENEFIT, weight: 10.5 }] }, ['weights.0.weight']],
    ['three decimals', { weights: [{ benefit: BENEFIT, weight: 1.125 }] }, ['weights.0.weight']],
    ['a weight as text', { weights: [{ benefit: BENEFIT, weight: '2' }] }, ['weights.0.weight']],
    ['an unknown benefit', { weights: [{ benefit: 'loen', weight: 2 }] }, ['weights.0.benefit']],
    [
      'a benefit listed twice',
      {
        weights: [
          { benefit: BENEFIT, weight: 2 },
          { benefit: BENEFIT, weight: 3 },
        ],
      },
      ['weights.1.benefit'],
    ],
    ['no weights', { weights: [] }, ['weights']],
    ['no body field', {}, ['weights']],
  ])('refuse %s with a 400 naming the field, and change nothing', async (_what, body, paths) => {
    const before = await manager.api.caseload.benefitWeights();
    const refused = await problem(manager.api.caseload.setBenefitWeights(invalid<SetBenefitWeights>(body)));
    expect(refused).toMatchObject({ status: 400, paths });
    expect(await manager.api.caseload.benefitWeights()).toEqual(before);
  });

  it("give a new case of the benefit its weight by default; a given weight and existing cases' weights stay", async () => {
    const caseworker = await createStaff(t, { teams: manager.teams });
    const citizen = () => createCitizen(t, caseworker.cookie, { benefit: BENEFIT });
    const earlier = await caseworker.api.cases.create({
      citizenId: (await citizen()).id,
      responsibleId: caseworker.id,
    });
    const weight = fresh();
    await manager.api.caseload.setBenefitWeights({ weights: [{ benefit: BENEFIT, weight }] });
    const byDefault = await caseworker.api.cases.create({
      citizenId: (await citizen()).id,
      responsibleId: caseworker.id,
    });
    expect(byDefault.weight).toBe(weight);
    const given = await caseworker.api.cases.create({
      citizenId: (await citizen()).id,
      responsibleId: caseworker.id,
      weight: 0.5,
    });
    expect(given.weight).toBe(0.5);
    expect((await caseworker.api.cases.get(earlier.id)).weight).toBe(earlier.weight);
    // Another benefit is not touched.
    const other = await createCitizen(t, caseworker.cookie, { benefit: 'kontanthjaelp' });
    const otherCase = await caseworker.api.cases.create({ citizenId: other.id, responsibleId: caseworker.id });
    expect(otherCase.weight).toBe(await weightOf('kontanthjaelp'));
  });

  it('log each change with who made it and what changed (no citizen named)', async () => {
    const from = await weightOf(BENEFIT);
    const to = fresh();
    await manager.api.caseload.setBenefitWeights({ weights: [{ benefit: BENEFIT, weight: to }] });
    const [row] = await sql<
      { actor_id: string; actor_name: string; citizen_id: string | null; entity: string; details: unknown }[]
    >(
      `SELECT actor_id, actor_name, citizen_id, entity, details FROM audit_entry
        WHERE action = 'caseload.benefit_weights.set' AND actor_id = $1 ORDER BY id DESC LIMIT 1`,
      [manager.id],
    );
    expect(row).toEqual({
      actor_id: manager.id,
      actor_name: manager.name,
      citizen_id: null,
      entity: 'benefit_weight',
      details: { changes: [{ benefit: BENEFIT, from, to }] },
    });
  });
});
