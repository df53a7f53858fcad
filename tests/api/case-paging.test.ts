// Case lists grow with the municipality (a team has a thousand active cases): they are keyset-paged, every case
// once in the list's order, with counts and per-person totals over the whole list and access-log rows for the
// page's citizens only.
import type { Case, CaseList, CaseSort } from '@tvaers/contracts';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/app';
import { problem } from '../support/client';
import { createCitizen, createStaff, createTeam, type Staff } from '../support/factories';

let t: TestApp;
let ds: DataSource;
let teamId: string;
let manager: Staff, a: Staff, b: Staff;
const CASES = 125;

/** Citizens share names three by three, weights repeat and some cases opened in the same millisecond. */
async function openCase(i: number) {
  const citizen = await createCitizen(t, a.cookie, { name: `Sideborger ${String(i % 42).padStart(2, '0')}` });
  // Every fifth case waits in the intake queue: no responsible person.
  const responsibleId = i % 5 === 0 ? undefined : i % 2 ? a.id : b.id;
  return a.api.cases.create({ citizenId: citizen.id, teamId, responsibleId, weight: [0.5, 1, 1.5][i % 3] });
}

beforeAll(async () => {
  t = await startTestApp();
  ds = t.app.get(DataSource);
  const team = await createTeam(t);
  teamId = team.id;
  [manager, a, b] = await Promise.all([
    createStaff(t, { kind: 'manager', teams: [team] }),
    createStaff(t, { teams: [team] }),
    createStaff(t, { kind: 'social', teams: [team] }),
  ]);
  const cases: Case[] = [];
  for (let i = 0; i < CASES; i += 5) {
    cases.push(...(await Promise.all([0, 1, 2, 3, 4].map((j) => openCase(i + j)))));
  }
  // Opened within one millisecond, microseconds apart (a JS Date cannot tell them apart), and exactly together.
  await ds.query(
    `UPDATE "case" SET opened_at = '2026-03-01 10:00:00.123+00'::timestamptz + make_interval(secs => (x.n % 997) / 1e6)
       FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, n) WHERE "case".id = x.id`,
    [cases.filter((_, i) => i % 6 === 0).map((k) => k.id)],
  );
  await ds.query(`UPDATE "case" SET opened_at = '2026-03-02 08:00:00.5+00' WHERE id = ANY($1::uuid[])`, [
    cases.filter((_, i) => i % 6 === 1).map((k) => k.id),
  ]);
  for (const k of cases.filter((k) => k.responsibleId === a.id).slice(0, 4)) {
    await a.api.cases.update(k.id, { status: 'closed', closeReason: 'Borgeren er i job' });
  }
  await a.api.cases.setMember(cases[1].id, { staffId: b.id, role: 'socialrådgiver' });
}, 120_000);
afterAll(() => t.close());

/** Every page of a list (from `query.cursor` on), 50 at a time, following nextCursor. */
async function allPages(who: Staff, query: Parameters<Staff['api']['cases']['list']>[0] & object) {
  const pages: CaseList[] = [];
  let cursor = query.cursor;
  do {
    const page = await who.api.cases.list({ ...query, limit: 50, cursor });
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 20);
  return { pages, items: pages.flatMap((p) => p.items) };
}

const cmp = (x: string | number, y: string | number) => (x < y ? -1 : x > y ? 1 : 0);
const primary: Record<CaseSort, (k: Case) => string | number> = {
  citizen: (k) => k.citizenName,
  responsible: (k) => k.responsibleName ?? '',
  opened: (k) => k.openedAt,
  weight: (k) => k.weight,
};
/** The documented order: the sort column (no responsible person first), then citizen name, newest, id. */
function ordered(items: Case[], sort: CaseSort, order: 'asc' | 'desc'): string[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...items]
    .sort(
      (x, y) =>
        sign * cmp(primary[sort](x), primary[sort](y)) ||
        cmp(x.citizenName, y.citizenName) ||
        cmp(y.openedAt, x.openedAt) ||
        cmp(x.id, y.id),
    )
    .map((k) => k.id);
}

async function teamCaseIds(where = 'TRUE', params: unknown[] = []): Promise<string[]> {
  const rows = await ds.query<{ id: string }[]>(`SELECT id FROM "case" WHERE team_id = $1 AND ${where} ORDER BY id`, [
    teamId,
    ...params,
  ]);
  return rows.map((r) => r.id);
}

describe('paging the case list', () => {
  it.each(['citizen', 'responsible', 'opened', 'weight'] as const)(
    'pages by %s, both ways, give every case once in the order of the whole list',
    async (sort) => {
      const all = await teamCaseIds();
      expect(all.length).toBeGreaterThan(100);
      for (const order of ['asc', 'desc'] as const) {
        const { pages, items } = await allPages(manager, { teamIds: teamId, sort, order });
        expect(pages.map((p) => p.items.length)).toEqual([50, 50, all.length - 100]);
        expect(pages.map((p) => p.total)).toEqual([all.length, all.length, all.length]);
        expect(pages[2].nextCursor).toBeNull();
        expect([...items.map((k) => k.id)].sort()).toEqual(all);
        expect(items.map((k) => k.id)).toEqual(ordered(items, sort, order));
      }
    },
  );

  it('counts the whole filtered list, and totals per person over the whole team, on every page', async () => {
    const mine = await a.api.cases.list({ teamIds: teamId, responsibleId: a.id, status: 'active', limit: 10 });
    const expected = await teamCaseIds(`responsible_id = $2 AND status = 'active'`, [a.id]);
    expect(mine.items).toHaveLength(10);
    expect(mine.total).toBe(expected.length);
    // A search and a benefit filter count what they match.
    const named = await manager.api.cases.list({ teamIds: teamId, q: 'Sideborger 01', limit: 1 });
    expect([named.items.length, named.total]).toEqual([1, 3]);
    expect(named.totals.reduce((sum, row) => sum + row.activeCases, 0)).toBeLessThanOrEqual(3);
    const byBenefit = await manager.api.cases.list({ teamIds: teamId, benefit: 'kontanthjaelp', limit: 1 });
    expect(byBenefit.total).toBe((await teamCaseIds()).length);
    const active = await teamCaseIds(`status = 'active'`);
    const { pages } = await allPages(manager, { teamIds: teamId, status: 'active' });
    for (const page of pages) {
      expect(page.totals.reduce((sum, row) => sum + row.activeCases, 0)).toBe(active.length);
      expect(page.totals.find((row) => row.responsibleId === null)?.activeCases).toBe(25);
    }
    // A case's members come with it, whichever page it is on.
    const { items } = await allPages(manager, { teamIds: teamId });
    expect(items.filter((k) => k.members.some((m) => m.staffId === b.id && m.role === 'socialrådgiver'))).toHaveLength(
      1,
    );
  });

  it('pages the cases behind a figure (ids) the same way', async () => {
    const all = await teamCaseIds();
    const ids = all.slice(0, 120);
    const { pages, items } = await allPages(manager, { ids: ids.join(','), sort: 'weight', order: 'desc' });
    expect(pages.map((p) => [p.items.length, p.total])).toEqual([
      [50, 120],
      [50, 120],
      [20, 120],
    ]);
    expect(items.map((k) => k.id).sort()).toEqual(ids);
    expect(items.map((k) => k.id)).toEqual(ordered(items, 'weight', 'desc'));
  });

  it("writes access-log rows for the page's citizens only", async () => {
    const [{ last }] = await ds.query<{ last: string }[]>(`SELECT COALESCE(max(id), 0) AS last FROM audit_entry`);
    const logged = async () =>
      (
        await ds.query<{ citizen_id: string }[]>(
          `SELECT citizen_id FROM audit_entry WHERE action = 'case.list' AND actor_id = $1 AND id > $2`,
          [manager.id, last],
        )
      ).map((r) => r.citizen_id);
    const first = await manager.api.cases.list({ teamIds: teamId, sort: 'opened', limit: 50 });
    expect((await logged()).sort()).toEqual(first.items.map((k) => k.citizenId).sort());
    const second = await manager.api.cases.list({ teamIds: teamId, sort: 'opened', cursor: first.nextCursor! });
    expect((await logged()).sort()).toEqual([...first.items, ...second.items].map((k) => k.citizenId).sort());
  });

  it('refuses a page larger than 100 and a cursor it did not give out (400 naming the field)', async () => {
    expect((await problem(manager.api.cases.list({ teamIds: teamId, limit: 101 }))).paths).toEqual(['limit']);
    expect((await problem(manager.api.cases.list({ teamIds: teamId, limit: 0 }))).paths).toEqual(['limit']);
    const forged = Buffer.from(JSON.stringify(['citizen.asc', 'x', 'not a time', teamId])).toString('base64url');
    const { nextCursor } = await manager.api.cases.list({ teamIds: teamId, sort: 'citizen', limit: 5 });
    for (const cursor of ['forged', forged, '%%%']) {
      const bad = await problem(manager.api.cases.list({ teamIds: teamId, cursor }));
      expect({ status: bad.status, paths: bad.paths }).toEqual({ status: 400, paths: ['cursor'] });
    }
    // A cursor of another order is refused rather than read as this one's.
    for (const sort of ['opened', 'weight', 'responsible'] as const) {
      expect((await problem(manager.api.cases.list({ teamIds: teamId, sort, cursor: nextCursor! }))).paths).toEqual([
        'cursor',
      ]);
    }
  });

  it('neither repeats nor skips a case when cases are opened between pages', async () => {
    const before = await teamCaseIds();
    const first = await manager.api.cases.list({ teamIds: teamId, limit: 50 });
    // One sorts before the page already shown, one after it.
    const early = await createCitizen(t, a.cookie, { name: 'Aaborger før siden' });
    const late = await createCitizen(t, a.cookie, { name: 'Zzborger efter siden' });
    const added = await Promise.all(
      [early, late].map((c) => a.api.cases.create({ citizenId: c.id, teamId, responsibleId: a.id })),
    );
    const rest = await allPages(manager, { teamIds: teamId, cursor: first.nextCursor! });
    const seen = [...first.items, ...rest.items].map((k) => k.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain(added[1].id);
    expect(seen).not.toContain(added[0].id);
    expect(seen.filter((id) => before.includes(id)).sort()).toEqual(before);
    expect(rest.pages[0].total).toBe(before.length + 2);
  });

  it('sorts by the citizen name as it is now when a name changes (register update, anonymisation)', async () => {
    const first = await manager.api.cases.list({ teamIds: teamId, status: 'active', limit: 5 });
    const renamed = first.items[0];
    await ds.query(`UPDATE citizen SET name = 'Zzz Omdøbt' WHERE id = $1`, [renamed.citizenId]);
    const all = await allPages(manager, { teamIds: teamId, status: 'active' });
    expect(all.items.map((k) => k.id)).toEqual(ordered(all.items, 'citizen', 'asc'));
    const moved = all.items.find((k) => k.id === renamed.id)!;
    expect(moved.citizenName).toBe('Zzz Omdøbt');
    // Last by its new name (it was first by its old one).
    expect(all.items.at(-1)!.id).toBe(renamed.id);
    const [row]: { citizen_name: string }[] = await ds.query(`SELECT citizen_name FROM "case" WHERE id = $1`, [
      renamed.id,
    ]);
    expect(row.citizen_name).toBe('Zzz Omdøbt');
  });
});
