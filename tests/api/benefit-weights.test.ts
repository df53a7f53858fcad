import { benefits, type SetBenefitWeights } from '@tvaers/contracts';
import { invalid, problem } from '../support/client';
import { createCitizen, createStaff, staffSuite } from '../support/factories';

// The benefit weights are the unit's: other test files create cases meanwhile, so this file changes only a
// benefit no other test gives its citizens, and puts its weight back at the end.
const BENEFIT = 'ledighedsydelse';

const s = staffSuite({}, 'manager');

const sql = <T = unknown>(query: string, params: unknown[] = []) => s.ds.query<T>(query, params);
const weightOf = async (benefit: string) =>
  (await s.manager.api.caseload.benefitWeights()).items.find((w) => w.benefit === benefit)!.weight;
/** A different weight each call, so a test sees its own change. */
let step = 0;
const fresh = () => 2 + (step += 0.25);

describe('benefit weights', () => {
  // Put back before the suite closes the app.
  let original: number;
  beforeAll(async () => {
    original = await weightOf(BENEFIT);
  });
  afterAll(async () => {
    await s.manager.api.caseload.setBenefitWeights({ weights: [{ benefit: BENEFIT, weight: original }] });
  });

  it('list every benefit of the code list, 1 where none is set, and round-trip a change', async () => {
    const before = await s.manager.api.caseload.benefitWeights();
    expect(before.items.map((w) => w.benefit)).toEqual([...benefits]);
    const configured = await sql<{ benefit: string }[]>(`SELECT benefit FROM benefit_weight`);
    for (const w of before.items.filter((i) => !configured.some((c) => c.benefit === i.benefit))) {
      expect(w.weight).toBe(1);
    }
    const weight = fresh();
    const answer = await s.manager.api.caseload.setBenefitWeights({ weights: [{ benefit: BENEFIT, weight }] });
    expect(answer.items.find((w) => w.benefit === BENEFIT)?.weight).toBe(weight);
    // The answer and a new read agree; only the listed benefit changed.
    expect(await s.manager.api.caseload.benefitWeights()).toEqual(answer);
    expect(answer.items.filter((w) => w.benefit !== BENEFIT)).toEqual(
      before.items.filter((w) => w.benefit !== BENEFIT),
    );
  });

  it('are read and set by any manager, whatever their team; other roles 403', async () => {
    const other = await createStaff(s.t, { kind: 'manager' });
    const weight = fresh();
    await other.api.caseload.setBenefitWeights({ weights: [{ benefit: BENEFIT, weight }] });
    expect(await weightOf(BENEFIT)).toBe(weight);
    for (const kind of ['caseworker', 'social', 'health', 'admin'] as const) {
      const someone = await createStaff(s.t, { kind, teams: s.manager.teams });
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
    const before = await s.manager.api.caseload.benefitWeights();
    const refused = await problem(s.manager.api.caseload.setBenefitWeights(invalid<SetBenefitWeights>(body)));
    expect(refused).toMatchObject({ status: 400, paths });
    expect(await s.manager.api.caseload.benefitWeights()).toEqual(before);
  });

  it("give a new case of the benefit its weight by default; a given weight and existing cases' weights stay", async () => {
    const citizen = () => createCitizen(s.t, s.sw.cookie, { benefit: BENEFIT });
    const earlier = await s.api.cases.create({
      citizenId: (await citizen()).id,
      responsibleId: s.sw.id,
    });
    const weight = fresh();
    await s.manager.api.caseload.setBenefitWeights({ weights: [{ benefit: BENEFIT, weight }] });
    const byDefault = await s.api.cases.create({
      citizenId: (await citizen()).id,
      responsibleId: s.sw.id,
    });
    expect(byDefault.weight).toBe(weight);
    const given = await s.api.cases.create({
      citizenId: (await citizen()).id,
      responsibleId: s.sw.id,
      weight: 0.5,
    });
    expect(given.weight).toBe(0.5);
    expect((await s.api.cases.get(earlier.id)).weight).toBe(earlier.weight);
    // Another benefit is not touched.
    const other = await createCitizen(s.t, s.sw.cookie, { benefit: 'kontanthjaelp' });
    const otherCase = await s.api.cases.create({ citizenId: other.id, responsibleId: s.sw.id });
    expect(otherCase.weight).toBe(await weightOf('kontanthjaelp'));
  });

  it('log each change with who made it and what changed (no citizen named)', async () => {
    const from = await weightOf(BENEFIT);
    const to = fresh();
    await s.manager.api.caseload.setBenefitWeights({ weights: [{ benefit: BENEFIT, weight: to }] });
    const [row] = await sql<
      { actor_id: string; actor_name: string; citizen_id: string | null; entity: string; details: unknown }[]
    >(
      `SELECT actor_id, actor_name, citizen_id, entity, details FROM audit_entry
        WHERE action = 'caseload.benefit_weights.set' AND actor_id = $1 ORDER BY id DESC LIMIT 1`,
      [s.manager.id],
    );
    expect(row).toEqual({
      actor_id: s.manager.id,
      actor_name: s.manager.name,
      citizen_id: null,
      entity: 'benefit_weight',
      details: { changes: [{ benefit: BENEFIT, from, to }] },
    });
  });
});
