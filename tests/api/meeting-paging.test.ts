// Meeting lists a page at a time (docs/api.md "Conventions": `limit`, `cursor`, `nextCursor`, `total`): a calendar
// period and a case's meetings, by time (a proposed meeting by its first proposal), each meeting once.
import type { Meeting, MeetingListQuery } from '@tvaers/contracts';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/app';
import { problem } from '../support/client';
import { createCase, createMeeting, createTeamOf, type Staff } from '../support/factories';
import { auditCount } from '../support/audit';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const HOUR = 3600_000;
const base = Date.UTC(2027, 5, 7, 6); // Monday 7 June 2027, 08:00 Copenhagen
const at = (slot: number) => new Date(base + slot * HOUR);
const window = { from: at(-1).toISOString(), to: at(24 * 40).toISOString() };

/** Every page of a list, `limit` at a time, with the totals each page gave. */
async function walk(staff: Staff, query: MeetingListQuery, limit: number) {
  const items: Meeting[] = [];
  const totals: number[] = [];
  let cursor = query.cursor;
  do {
    const page = await staff.api.meetings.list({ ...query, limit, cursor });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    totals.push(page.total);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { items, totals };
}

/** The call is refused with a 400 naming `path`. */
async function refused(call: Promise<unknown>, path: string) {
  const p = await problem(call);
  expect([p.status, p.paths]).toEqual([400, [path]]);
}

const placeOf = (m: Meeting) => Date.parse(m.start ?? m.proposals[0].start);

describe('meeting lists are paged', () => {
  let caseworker: Staff;
  let early: { citizenId: string; caseId: string };
  let late: { citizenId: string; caseId: string };
  const made: string[] = [];

  beforeAll(async () => {
    ({ caseworker } = await createTeamOf(t, 'caseworker'));
    const a = await createCase(t, caseworker.cookie, caseworker.id);
    const b = await createCase(t, caseworker.cookie, caseworker.id);
    early = { citizenId: a.citizen.id, caseId: a.kase.id };
    late = { citizenId: b.citizen.id, caseId: b.kase.id };
    // 64 of the first citizen's meetings in the first days (some proposed, some at one time), 16 of the second's after.
    for (let i = 0; i < 80; i++) {
      const kase = i < 64 ? early.caseId : late.caseId;
      const slot = i < 64 ? Math.floor(i / 2) : 200 + i;
      const options =
        i % 5 === 0
          ? {
              proposals: [
                { start: at(slot), end: at(slot + 1) },
                { start: at(slot + 3), end: at(slot + 4) },
              ],
            }
          : { start: at(slot), end: at(slot + 1) };
      made.push((await createMeeting(t, kase, caseworker, options)).id);
    }
  });

  it('gives every meeting of a period once, in time order, with the whole count on every page', async () => {
    const { items, totals } = await walk(caseworker, window, 7);
    expect(items.map((m) => m.id).sort()).toEqual([...made].sort());
    expect(new Set(items.map((m) => m.id)).size).toBe(80);
    const places = items.map(placeOf);
    expect(places).toEqual([...places].sort((x, y) => x - y));
    expect(new Set(totals)).toEqual(new Set([80]));
  });

  it('answers 50 by default, at most 100, and refuses a cursor it did not give out', async () => {
    const first = await caseworker.api.meetings.list(window);
    expect(first.items).toHaveLength(50);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await caseworker.api.meetings.list({ ...window, cursor: first.nextCursor! });
    expect(second.items).toHaveLength(30);
    expect(second.nextCursor).toBeNull();
    expect((await caseworker.api.meetings.list({ ...window, limit: 100 })).items).toHaveLength(80);
    await refused(caseworker.api.meetings.list({ ...window, limit: 101 }), 'limit');
    await refused(caseworker.api.meetings.list({ ...window, cursor: 'bm90IGEgY3Vyc29y' }), 'cursor');
    const forged = Buffer.from(JSON.stringify(['2027-06-07T06:00:00.000000Z', 'x'])).toString('base64url');
    await refused(caseworker.api.meetings.list({ ...window, cursor: forged }), 'cursor');
  });

  it('neither repeats nor skips a meeting when one is planned between pages', async () => {
    const first = await caseworker.api.meetings.list({ ...window, limit: 20 });
    const before = await createMeeting(t, early.caseId, caseworker, { start: at(0), end: at(1) });
    const after = await createMeeting(t, late.caseId, caseworker, { start: at(500), end: at(501) });
    const rest = await walk(caseworker, { ...window, cursor: first.nextCursor! }, 20);
    const ids = [...first.items, ...rest.items].map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(after.id);
    expect(ids).not.toContain(before.id);
    await t.app.get(DataSource).query(`DELETE FROM meeting WHERE id = ANY($1::uuid[])`, [[before.id, after.id]]);
  });

  it("logs the page's citizens only", async () => {
    const ds = t.app.get(DataSource);
    const logged = (citizenId: string) =>
      auditCount(ds, { citizenId, action: 'meetings.list', actorId: caseworker.id });
    const [earlyBefore, lateBefore] = [await logged(early.citizenId), await logged(late.citizenId)];
    await caseworker.api.meetings.list({ ...window, limit: 30 });
    expect(await logged(early.citizenId)).toBe(earlyBefore + 1);
    expect(await logged(late.citizenId)).toBe(lateBefore);
  });

  it("pages a case's meetings the same way", async () => {
    const { items, totals } = await walk(caseworker, { caseId: late.caseId }, 5);
    expect(items).toHaveLength(16);
    expect(new Set(totals)).toEqual(new Set([16]));
    const places = items.map(placeOf);
    expect(places).toEqual([...places].sort((x, y) => x - y));
  });
});
