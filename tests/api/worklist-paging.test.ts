// The worklist in pages: one order on the server, every item exactly once however it is paged, the total over the
// whole list, and access-log rows only for the citizens of the page shown.
import { encodeCursor } from '@tvaers/api/src/common/database/keyset';
import type { WorklistItem } from '@tvaers/contracts';
import { invalid, problem } from '../support/client';
import { createCitizen, staffSuite } from '../support/factories';

const s = staffSuite();
/** Each case's citizen, to check whose access-log rows a page wrote. */
const citizenOf = new Map<string, string>();
const CASES = 56;
const OVERDUE = 3;
const DUE_SOON = 2;

beforeAll(async () => {
  for (let i = 0; i < CASES; i += 1) {
    // Namesakes: ties on due date and name are broken by the case, the same on every page.
    const citizen = await createCitizen(s.t, s.sw.cookie, i % 4 === 0 ? { name: 'Ane Andersen' } : {});
    const kase = await s.api.cases.create({ citizenId: citizen.id, responsibleId: s.sw.id, weight: 0.25 });
    citizenOf.set(kase.id, citizen.id);
    if (i < OVERDUE) {
      const receivedAt = new Date(Date.now() - 20 * 86400_000).toISOString();
      await s.api.requests.create(kase.id, { kind: 'conversation', description: 'Samtale', receivedAt });
    } else if (i < OVERDUE + DUE_SOON) {
      await s.api.requests.create(kase.id, { kind: 'effort', description: 'Ønsker mentor' });
    }
  }
}, 120_000);

/** Every page of a list, with the totals each page gave. */
async function walk(query: { includeOk?: 'true'; limit?: number }) {
  const items: WorklistItem[] = [];
  const totals = new Set<number>();
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await s.api.worklist({ ...query, cursor });
    expect(page.items.length).toBeLessThanOrEqual(query.limit ?? 50);
    if (page.nextCursor !== null) expect(page.items.length).toBe(query.limit ?? 50);
    items.push(...page.items);
    totals.add(page.total);
    cursor = page.nextCursor ?? undefined;
    pages += 1;
  } while (cursor);
  return { items, totals, pages };
}

const keyOf = (i: WorklistItem) => `${i.caseId}:${i.kind}:${i.dueDate}`;
const rank = { overdue: 0, due_soon: 1, ok: 2 } as const;

describe('the worklist in pages', () => {
  it('gives every item exactly once in one order, with the total over the whole list', async () => {
    // Every case has its yearly review and (kontanthjælp) its clarification guarantee, some a request too.
    const expected = CASES * 2 + OVERDUE + DUE_SOON;
    const fifties = await walk({ includeOk: 'true' });
    expect(fifties.pages).toBe(Math.ceil(expected / 50));
    expect(fifties.items).toHaveLength(expected);
    expect(new Set(fifties.items.map(keyOf)).size).toBe(expected);
    expect([...fifties.totals]).toEqual([expected]);
    // Overdue first, then due soon, then the rest; by due date within each.
    for (let i = 1; i < fifties.items.length; i += 1) {
      const [a, b] = [fifties.items[i - 1], fifties.items[i]];
      expect(rank[a.status] <= rank[b.status]).toBe(true);
      expect(a.dueDate <= b.dueDate).toBe(true);
    }
    // The same order whatever the page size.
    const bigger = await walk({ includeOk: 'true', limit: 100 });
    expect(bigger.items.map(keyOf)).toEqual(fifties.items.map(keyOf));
    const smaller = await walk({ includeOk: 'true', limit: 7 });
    expect(smaller.items.map(keyOf)).toEqual(fifties.items.map(keyOf));
  });

  it('counts only the urgent deadlines without includeOk, and says there is no next page', async () => {
    const page = await s.api.worklist();
    expect(page).toMatchObject({ total: OVERDUE + DUE_SOON, nextCursor: null });
    expect(page.items.map((i) => i.status)).toEqual([
      ...Array<string>(OVERDUE).fill('overdue'),
      ...Array<string>(DUE_SOON).fill('due_soon'),
    ]);
  });

  it("narrows the team's list to one responsible person on the server", async () => {
    const team = await s.api.worklist({ scope: 'team', includeOk: 'true', responsible: s.sw.id, limit: 10 });
    expect(team.total).toBe(CASES * 2 + OVERDUE + DUE_SOON);
    expect((await s.api.worklist({ scope: 'team', responsible: 'none' })).total).toBe(0);
    expect(await problem(s.api.worklist(invalid({ scope: 'team', responsible: 'someone' })))).toMatchObject({
      status: 400,
      paths: ['responsible'],
    });
  });

  it('refuses a page larger than 100 and a cursor it did not give out (400)', async () => {
    expect(await problem(s.api.worklist(invalid({ limit: '101' })))).toMatchObject({ status: 400, paths: ['limit'] });
    expect(await problem(s.api.worklist(invalid({ limit: '0' })))).toMatchObject({ status: 400, paths: ['limit'] });
    const forged = [
      'not-a-cursor',
      encodeCursor(['2026-01-01']),
      encodeCursor(['2026-13-45', 'Ane', '00000000-0000-4000-8000-000000000000', 'plan_review', '']),
      encodeCursor(['2026-01-01', 'Ane', 'not-a-uuid', 'plan_review', '']),
      encodeCursor(['2026-01-01', 'Ane', '00000000-0000-4000-8000-000000000000', 'coffee', '']),
    ];
    for (const cursor of forged) {
      expect(await problem(s.api.worklist({ includeOk: 'true', cursor }))).toMatchObject({
        status: 400,
        paths: ['cursor'],
      });
    }
  });

  it("writes access-log rows for the page's citizens only", async () => {
    const ds = s.ds;
    const logged = async (since: number) =>
      (
        await ds.query<{ citizen_id: string }[]>(
          `SELECT citizen_id FROM audit_entry WHERE actor_id = $1 AND action = 'worklist.read' AND id > $2`,
          [s.sw.id, since],
        )
      ).map((r) => r.citizen_id);
    const [{ max }] = await ds.query<{ max: string | null }[]>(`SELECT max(id)::text AS max FROM audit_entry`);
    const since = Number(max ?? 0);
    const first = await s.api.worklist({ includeOk: 'true', limit: 10 });
    const second = await s.api.worklist({ includeOk: 'true', limit: 10, cursor: first.nextCursor! });
    const shown = (page: { items: WorklistItem[] }) => new Set(page.items.map((i) => citizenOf.get(i.caseId)!));
    const rows = await logged(since);
    // One row per citizen per request, for those the two pages showed and no one else.
    expect(rows).toHaveLength(shown(first).size + shown(second).size);
    expect(new Set(rows)).toEqual(new Set([...shown(first), ...shown(second)]));
    expect(shown(first).size).toBeLessThan(citizenOf.size);
  });
});
