// The demo unit gives a manager something to act on (docs/features.md, "The demo unit"): per team someone near and someone over
// the ceiling, queue entries of different ages, and follow-ups on weekdays within working hours.
import { DataSource } from 'typeorm';
import { demo, startTestApp, type TestApp } from '../support/app';
import { apiClient } from '../support/client';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const sql = <T = unknown>(query: string, params: unknown[] = []) => t.app.get(DataSource).query<T>(query, params);
/** Weekday (1 Monday … 7 Sunday), date and minutes since midnight in Copenhagen. */
const copenhagen = (at: Date) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Copenhagen',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday) + 1,
    day: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
};
const TEAMS = ['Tværfagligt team Nord', 'Tværfagligt team Syd'];
/** docs/api.md promises these caseworkers room for at least 5 more cases of weight 1. */
const WITH_ROOM = [demo.caseworker, demo.social];

async function teamId(name: string): Promise<string> {
  const [team] = await sql<{ id: string }[]>(`SELECT id FROM team WHERE name = $1`, [name]);
  return team.id;
}

describe('the demo unit', () => {
  it.each(TEAMS)(
    '%s has someone near and someone over the ceiling (by an override), never a demo login',
    async (name) => {
      const manager = apiClient(t, await t.login(demo.manager));
      const { rows, overrides } = await manager.caseload.get(await teamId(name));
      const logins = await sql<{ id: string }[]>(`SELECT id FROM staff WHERE email = ANY($1)`, [
        [...Object.values(demo), 'sagsbehandler2@demo.tvaers.dk'],
      ]);
      const loginIds = new Set(logins.map((l) => l.id));
      for (const status of ['near', 'over'] as const) {
        const shown = rows.filter((r) => r.status === status);
        expect({ status, someone: shown.length > 0 }).toEqual({ status, someone: true });
        expect(shown.filter((r) => loginIds.has(r.staffId))).toEqual([]);
      }
      const near = rows.find((r) => r.status === 'near')!;
      expect(near.utilization).toBeGreaterThanOrEqual(0.9);
      expect(near.utilization).toBeLessThanOrEqual(1);
      const over = rows.find((r) => r.status === 'over')!;
      expect(over.utilization).toBeGreaterThan(1);
      // Past the ceiling only by the manager's override, listed with its reason.
      expect(overrides.filter((o) => o.staffId === over.staffId && o.reason).length).toBeGreaterThan(0);
    },
  );

  it('leaves the demo caseworkers room for at least 5 more cases of weight 1', async () => {
    const manager = apiClient(t, await t.login(demo.manager));
    const { rows } = await manager.caseload.get(await teamId(TEAMS[0]));
    for (const email of WITH_ROOM) {
      const me = await apiClient(t, await t.login(email)).auth.me();
      const row = rows.find((r) => r.staffId === me.id)!;
      expect({ email, room: row.ceiling! - row.load >= 5 }).toEqual({ email, room: true });
    }
  });

  it.each(TEAMS)('%s has queue entries of different ages, the oldest waiting over a week', async (name) => {
    const manager = apiClient(t, await t.login(demo.manager));
    const { queue } = await manager.caseload.get(await teamId(name));
    const days = queue.map((q) => q.waitingDays);
    expect(new Set(days).size).toBeGreaterThanOrEqual(3);
    expect(Math.max(...days)).toBeGreaterThan(7);
  });

  it('has its follow-ups and roundtable meetings on weekdays within working hours (Copenhagen time)', async () => {
    // The seed's meetings, not those other test files add or move: made in the seed's one transaction, unchanged.
    const meetings = await sql<{ title: string; start_at: Date; end_at: Date }[]>(
      `SELECT m.title, m.start_at, m.end_at FROM meeting m JOIN "case" k ON k.id = m.case_id JOIN team t ON t.id = k.team_id
        WHERE t.name = ANY($1) AND m.start_at IS NOT NULL AND m.updated_at = m.created_at
          AND m.created_at = (SELECT min(created_at) FROM meeting)
          AND (m.title LIKE 'Opfølgning: %' OR m.title LIKE 'Rundbordsmøde: %')`,
      [TEAMS],
    );
    expect(meetings.filter((m) => m.title.startsWith('Opfølgning')).length).toBeGreaterThan(20);
    const outside = meetings.filter((m) => {
      const start = copenhagen(m.start_at);
      const end = copenhagen(m.end_at);
      return start.weekday > 5 || start.minutes < 9 * 60 || end.minutes > 15 * 60 || start.day !== end.day;
    });
    expect(outside.map((m) => `${m.title} ${m.start_at.toISOString()}`)).toEqual([]);
    // Not all at one time of day.
    expect(new Set(meetings.map((m) => Math.floor(copenhagen(m.start_at).minutes / 60))).size).toBeGreaterThan(2);
  });
});
