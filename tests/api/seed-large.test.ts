// `npm run seed:large` through the built CLI at SEED_SCALE=0.01, on a database of its own: rows in
// proportion, CPR columns as the app writes them, meetings in free slots, a second run refused, and the app
// working on it (the printed logins, a plan read, a team's caseload).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { validateCpr } from '@tvaers/domain';
import { CprCipher, loadCprKey } from '@tvaers/api/src/common/crypto/cpr-cipher';
import { ensureDatabase } from '@tvaers/api/src/common/database/embedded-postgres';
import { cliPath, runCli, startTestApp, type TestApp } from '../support/app';
import { apiClient } from '../support/client';

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

const built = fs.existsSync(cliPath);
(built ? describe : describe.skip)('seed:large (built CLI, SEED_SCALE=0.01)', () => {
  const name = `tvaers_large_${Date.now()}_${process.pid}`;
  const serverUrl = withDatabase(process.env.TEST_OWNER_DATABASE_URL!, 'postgres');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvaers-large-'));
  let ownerUrl: string;
  let db: Client;
  let t: TestApp | undefined;
  let env: Record<string, string>;
  let first: { code: number | null; out: string };
  const sql = async <T>(query: string, params: unknown[] = []) => (await db.query(query, params)).rows as T[];
  const one = async (query: string, params: unknown[] = []) =>
    Number(Object.values((await sql<Record<string, unknown>>(query, params))[0])[0]);

  beforeAll(async () => {
    ownerUrl = await ensureDatabase(serverUrl, name);
    // The app's own role, as a deployment with MIGRATION_DATABASE_URL has it: grants only.
    env = {
      DATABASE_URL: withDatabase(process.env.TEST_DATABASE_URL!, name),
      MIGRATION_DATABASE_URL: ownerUrl,
      DATA_DIR: dataDir,
      SEED_SCALE: '0.01',
    };
    first = await runCli(['seed:large'], env);
    db = new Client({ connectionString: ownerUrl });
    await db.connect();
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await db?.end();
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    await client.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Rows of the large municipality only (the demo unit is there too). */
  const LARGE = `(SELECT id FROM "case" WHERE team_id IN (SELECT id FROM team WHERE municipality = 'Storby Kommune'))`;

  it('prints a line per table and the logins, and makes rows in proportion', async () => {
    expect(first.code).toBe(0);
    for (const table of ['staff', 'citizen', 'case', 'effort', 'meeting', 'meeting_participant', 'audit_entry']) {
      expect(first.out).toMatch(new RegExp(`^\\s+${table}\\s+[\\d,]+ rows\\s+[\\d.]+ s$`, 'm'));
    }
    expect(await one(`SELECT count(*) FROM team WHERE municipality = 'Storby Kommune'`)).toBe(2);
    expect(
      await one(
        `SELECT count(*) FROM team_member WHERE team_id IN (SELECT id FROM team WHERE municipality = 'Storby Kommune')`,
      ),
    ).toBe(10);
    const cases = await one(`SELECT count(*) FROM "case" WHERE id IN ${LARGE}`);
    expect(cases).toBe(600);
    // One case per citizen; most active, some queued, some closed.
    const [mix] = await sql<{ active: number; queued: number; closed: number }>(
      `SELECT count(*) FILTER (WHERE status = 'active' AND responsible_id IS NOT NULL)::int AS active,
              count(*) FILTER (WHERE status = 'active' AND responsible_id IS NULL)::int AS queued,
              count(*) FILTER (WHERE status = 'closed')::int AS closed
         FROM "case" WHERE id IN ${LARGE}`,
    );
    expect(mix.active).toBeGreaterThan(cases / 2);
    expect(mix.closed).toBeGreaterThan(mix.queued);
    expect(mix.queued).toBeGreaterThan(0);
    // 600,000 efforts, 250,000 meetings and 2.4 million access-log rows for 60,000 cases, scaled.
    expect(await one(`SELECT count(*) FROM effort WHERE case_id IN ${LARGE}`)).toBe(cases * 10);
    const meetings = await one(`SELECT count(*) FROM meeting WHERE case_id IN ${LARGE}`);
    expect(meetings).toBe(2500);
    expect(
      await one(`SELECT count(*) FROM audit_entry WHERE entity_id IN ${LARGE} OR citizen_id IN
      (SELECT citizen_id FROM "case" WHERE id IN ${LARGE})`),
    ).toBe(cases * 40);
    expect(await one(`SELECT count(*) FROM plan WHERE case_id IN ${LARGE}`)).toBe(cases);
    expect(await one(`SELECT count(*) FROM plan_version WHERE case_id IN ${LARGE}`)).toBeGreaterThan(cases * 2);
    // Every plan's history reaches its version, from 1 without gaps.
    expect(
      await one(`SELECT count(*) FROM plan p WHERE case_id IN ${LARGE}
                   AND (SELECT count(*) FROM plan_version v WHERE v.case_id = p.case_id AND v.version <= p.version) <> p.version`),
    ).toBe(0);
    expect(await one(`SELECT count(*) FROM case_assignment WHERE case_id IN ${LARGE}`)).toBeGreaterThanOrEqual(cases);
    expect(
      await one(
        `SELECT count(*) FROM consent WHERE citizen_id IN (SELECT citizen_id FROM "case" WHERE id IN ${LARGE})`,
      ),
    ).toBeGreaterThan(0);
    // The demo unit is still there.
    expect(await one(`SELECT count(*) FROM staff WHERE email = 'leder@demo.tvaers.dk'`)).toBe(1);
  });

  it('stores CPR numbers as the app does: valid, unique, sealed with the key in DATA_DIR and hashed for lookup', async () => {
    const cipher = new CprCipher(loadCprKey({ env: 'test', dataDir }, () => undefined));
    const rows = await sql<{ cpr_encrypted: Buffer; cpr_hash: Buffer; cpr_birth: string }>(
      `SELECT cpr_encrypted, cpr_hash, cpr_birth FROM citizen WHERE id IN (SELECT citizen_id FROM "case" WHERE id IN ${LARGE})`,
    );
    expect(rows).toHaveLength(600);
    const seen = new Set<string>();
    for (const r of rows) {
      const cpr = cipher.decrypt(r.cpr_encrypted);
      expect({ cpr, ok: validateCpr(cpr, '2026-01-01').ok }).toEqual({ cpr, ok: true });
      expect(r.cpr_hash.equals(cipher.hash(cpr))).toBe(true);
      expect(r.cpr_birth).toBe(cpr.slice(0, 6));
      seen.add(cpr);
    }
    expect(seen.size).toBe(rows.length);
  });

  it('gives every meeting its caseworker and citizen, never two at once for one caseworker', async () => {
    expect(
      await one(`SELECT count(*) FROM meeting m WHERE case_id IN ${LARGE} AND (
        NOT EXISTS (SELECT 1 FROM meeting_participant p WHERE p.meeting_id = m.id AND p.kind = 'staff')
        OR NOT EXISTS (SELECT 1 FROM meeting_participant p WHERE p.meeting_id = m.id AND p.kind = 'citizen'))`),
    ).toBe(0);
    expect(
      await one(`SELECT count(*) FROM meeting_participant WHERE kind = 'doctor' AND meeting_id IN
      (SELECT id FROM meeting WHERE case_id IN ${LARGE})`),
    ).toBeGreaterThan(0);
    expect(
      await one(`SELECT count(*) FROM meeting_participant a JOIN meeting ma ON ma.id = a.meeting_id
        JOIN meeting_participant b ON b.staff_id = a.staff_id AND b.meeting_id > a.meeting_id
        JOIN meeting mb ON mb.id = b.meeting_id
       WHERE ma.case_id IN ${LARGE} AND mb.case_id IN ${LARGE}
         AND tstzrange(ma.start_at, ma.end_at) && tstzrange(mb.start_at, mb.end_at)`),
    ).toBe(0);
    // Past and future.
    const [span] = await sql<{ past: number; future: number }>(
      `SELECT count(*) FILTER (WHERE start_at < now())::int AS past, count(*) FILTER (WHERE start_at > now())::int AS future
         FROM meeting WHERE case_id IN ${LARGE}`,
    );
    expect(span.past).toBeGreaterThan(0);
    expect(span.future).toBeGreaterThan(0);
  });

  it('refuses a second run without --force, adding nothing', async () => {
    const before = await one(`SELECT count(*) FROM citizen`);
    const again = await runCli(['seed:large'], env);
    expect(again.code).toBe(1);
    expect(again.out).toContain('already in this database');
    expect(await one(`SELECT count(*) FROM citizen`)).toBe(before);
  }, 60_000);

  it('serves the printed logins: a manager reads the team caseload, a caseworker its cases and a plan', async () => {
    const manager = /^\s+(\S+@storby\.tvaers\.dk)\s+manager of a 5-person team$/m.exec(first.out)?.[1];
    const caseworker = /^\s+(\S+@storby\.tvaers\.dk)\s+caseworker with 30 active cases$/m.exec(first.out)?.[1];
    expect({ manager: typeof manager, caseworker: typeof caseworker }).toEqual({
      manager: 'string',
      caseworker: 'string',
    });
    t = await startTestApp({ DATA_DIR: dataDir }, undefined, env.DATABASE_URL);
    const [team] = await sql<{ id: string }>(
      `SELECT id FROM team WHERE name = 'Tværfagligt team 01' AND municipality = 'Storby Kommune'`,
    );
    const lead = apiClient(t, await t.login(manager!));
    const caseload = await lead.caseload.get(team.id);
    // Everyone in the team who carries cases, the known caseworker with 30.
    expect(caseload.rows.length).toBe(4);
    const worker = apiClient(t, await t.login(caseworker!));
    const me = await worker.auth.me();
    expect(caseload.rows.find((r) => r.staffId === me.id)?.activeCases).toBe(30);
    const mine = await worker.cases.list({ responsibleId: me.id, status: 'active' });
    expect(mine.items).toHaveLength(30);
    const plan = await worker.plan.get(mine.items[0].id);
    expect(plan.version).toBeGreaterThanOrEqual(1);
  });
});
