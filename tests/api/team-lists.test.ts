// The team's lists serve a manager: the case list filters and sorts by responsible person with
// totals per person, and the worklist names who answers for each deadline. Access rules stay as they were.
import type { Case } from '@tvaers/contracts';
import { demo, startTestApp, type TestApp } from '../support/app';
import { apiClient, problem } from '../support/client';
import { createCase, createStaff, createTeam, type Staff, type Team } from '../support/factories';

let t: TestApp;
let team: Team;
let manager: Staff, a: Staff, b: Staff, health: Staff, other: Staff;
let aFirst: Case, aSecond: Case, bOpen: Case, bClosed: Case, otherCase: Case;

beforeAll(async () => {
  t = await startTestApp();
  team = await createTeam(t);
  const teams = [team];
  manager = await createStaff(t, { kind: 'manager', teams });
  a = await createStaff(t, { teams });
  b = await createStaff(t, { kind: 'social', teams });
  health = await createStaff(t, { kind: 'health', teams });
  // A caseworker of a team the manager does not lead.
  other = await createStaff(t);
  aFirst = (await createCase(t, a.cookie, a.id, 1)).kase;
  aSecond = (await createCase(t, a.cookie, a.id, 1.5)).kase;
  bOpen = (await createCase(t, a.cookie, b.id, 2)).kase;
  bClosed = (await createCase(t, a.cookie, b.id, 3)).kase;
  await a.api.cases.update(bClosed.id, { status: 'closed', closeReason: 'Borgeren er i job' });
  await a.api.cases.setMember(aSecond.id, { staffId: health.id, role: 'sundhedsfaglig' });
  otherCase = (await createCase(t, other.cookie, other.id, 1)).kase;
});
afterAll(() => t.close());

const ids = (items: Case[]) => items.map((k) => k.id).sort();
const totalOf = (
  list: { totals: { responsibleId: string | null; activeCases: number; weight: number }[] },
  id: string,
) => list.totals.find((row) => row.responsibleId === id);

describe('the team case list', () => {
  it("lists a manager's team with active cases and summed weight per person, people without cases included", async () => {
    const list = await manager.api.cases.list({ teamIds: team.id });
    expect(ids(list.items)).toEqual(ids([aFirst, aSecond, bOpen, bClosed]));
    expect(totalOf(list, a.id)).toMatchObject({ responsibleName: a.name, activeCases: 2, weight: 2.5 });
    // The closed case is listed but counts toward no one's load.
    expect(totalOf(list, b.id)).toMatchObject({ activeCases: 1, weight: 2 });
    expect(totalOf(list, health.id)).toMatchObject({ activeCases: 0, weight: 0 });
    // Managers hold no cases: not in the summary; nor is anyone of another team.
    expect(totalOf(list, manager.id)).toBeUndefined();
    expect(totalOf(list, other.id)).toBeUndefined();
  });

  it('filters by responsible person; the totals still show the whole team', async () => {
    const list = await manager.api.cases.list({ teamIds: team.id, responsibleId: b.id, status: 'active' });
    expect(ids(list.items)).toEqual([bOpen.id]);
    expect(totalOf(list, a.id)?.activeCases).toBe(2);
    expect(totalOf(list, b.id)?.activeCases).toBe(1);
  });

  it('sorts by responsible person, citizen, opening time and weight, both ways', async () => {
    const sorted = async (sort: 'responsible' | 'citizen' | 'opened' | 'weight', order: 'asc' | 'desc') =>
      (await manager.api.cases.list({ teamIds: team.id, sort, order })).items;
    const byWeight = await sorted('weight', 'desc');
    expect(byWeight.map((k) => k.weight)).toEqual([3, 2, 1.5, 1]);
    expect((await sorted('weight', 'asc')).map((k) => k.weight)).toEqual([1, 1.5, 2, 3]);
    const byResponsible = (await sorted('responsible', 'asc')).map((k) => k.responsibleName);
    expect(byResponsible).toEqual([...byResponsible].sort((x, y) => (x ?? '').localeCompare(y ?? '', 'da')));
    expect(new Set(byResponsible.slice(0, 2)).size).toBe(1);
    const byOpened = (await sorted('opened', 'desc')).map((k) => k.openedAt);
    expect(byOpened).toEqual([...byOpened].sort().reverse());
    const byCitizen = (await sorted('citizen', 'desc')).map((k) => k.citizenName);
    expect(byCitizen).toEqual([...byCitizen].sort((x, y) => y.localeCompare(x, 'da')));
  });

  it('lists the cases a staff member takes part in: responsible for, or a member of', async () => {
    expect(ids((await health.api.cases.list({ memberId: health.id })).items)).toEqual([aSecond.id]);
    expect(ids((await a.api.cases.list({ memberId: a.id })).items)).toEqual(ids([aFirst, aSecond]));
  });

  it("totals a whole scope once per case: the own team's, and another team's a staff member takes part in", async () => {
    // A health worker of both teams joins a case in each, then leaves the other team: still a member of its case.
    const bridge = await createStaff(t, { kind: 'health', teams: [team, other.teams[0]] });
    await a.api.cases.setMember(aFirst.id, { staffId: bridge.id, role: 'sundhedsfaglig' });
    await other.api.cases.setMember(otherCase.id, { staffId: bridge.id, role: 'sundhedsfaglig' });
    await apiClient(t, await t.login(demo.admin)).admin.updateStaff(bridge.id, { teamIds: [team.id] });
    const list = await apiClient(t, await t.login(bridge.email)).cases.list({ status: 'active' });
    expect(ids(list.items)).toEqual(ids([aFirst, aSecond, bOpen, otherCase]));
    // aFirst is seen through the team and as a member: counted once.
    expect(totalOf(list, a.id)).toMatchObject({ activeCases: 2, weight: 2.5 });
    expect(totalOf(list, b.id)).toMatchObject({ activeCases: 1, weight: 2 });
    expect(totalOf(list, other.id)).toMatchObject({ responsibleName: other.name, activeCases: 1, weight: 1 });
    expect(list.total).toBe(4);
  });

  it("keeps access as it was: another team's cases and people stay out of reach", async () => {
    const foreign = await manager.api.cases.list({ teamIds: other.teams[0].id });
    expect(foreign).toMatchObject({ items: [], totals: [] });
    const mixed = await manager.api.cases.list({ teamIds: `${team.id},${other.teams[0].id}` });
    expect(mixed.items.map((k) => k.id)).not.toContain(otherCase.id);
    const outsider = await other.api.cases.list({ teamIds: team.id });
    expect(outsider).toMatchObject({ items: [], totals: [] });
    expect((await other.api.cases.list({ memberId: a.id })).items).toEqual([]);
  });

  it('refuses a malformed filter or sort with a 400 naming the field', async () => {
    expect((await problem(manager.api.cases.list({ teamIds: 'nord' }))).paths).toEqual(['teamIds.0']);
    expect((await problem(manager.api.cases.list({ sort: 'load' as 'weight', order: 'up' as 'asc' }))).paths).toEqual([
      'order',
      'sort',
    ]);
  });
});

describe('the team worklist', () => {
  it('names the responsible person of each deadline', async () => {
    const list = await manager.api.worklistAll({ scope: 'team', includeOk: 'true' });
    const mine = list.items.filter((i) => [aFirst.id, aSecond.id, bOpen.id].includes(i.caseId));
    expect(mine.length).toBeGreaterThanOrEqual(3);
    for (const item of mine) {
      const responsible = item.caseId === bOpen.id ? b : a;
      expect(item.responsible).toEqual({ id: responsible.id, name: responsible.name });
      expect(item.responsibleId).toBe(responsible.id);
    }
  });

  it("traces every overdue deadline of the demo manager's teams to someone", async () => {
    const leder = apiClient(t, await t.login(demo.manager));
    const overdue = (await leder.worklist({ scope: 'team' })).items.filter((i) => i.status === 'overdue');
    expect(overdue.length).toBeGreaterThan(0);
    for (const item of overdue) {
      // A case still in the intake queue has no one yet: the item says so (null), it is not left out.
      if (item.responsibleId === null) expect(item.responsible).toBeNull();
      else expect(item.responsible?.name).toEqual(expect.any(String));
    }
    expect(overdue.filter((i) => i.responsible !== null).length).toBeGreaterThan(0);
  });
});
