import { Client } from 'pg';
import { closeOutcomes, effortTypes } from '@tvaers/contracts';
import { TIME_ZONE, localDate, validateCpr } from '@tvaers/domain';
import type { AppConfig } from '../config/config';
import { CprCipher, loadCprKey } from '../common/crypto/cpr-cipher';
import { hashPassword } from '../people/password';
import { benefits, clinics, DEMO_PASSWORD, doctors, firstNames, lastNames } from './demo-data';

/**
 * `npm run seed:large`: a large municipality for benchmarks, on top of the demo unit. At scale 1:
 * 25 teams of 40 staff, 60,000 citizens with a case each (66 % active and assigned, 2 % in an intake queue,
 * 32 % closed within the past two years), 600,000 efforts, 250,000 meetings from a year back to a year ahead,
 * plans with their version history, assignments, case members, consents and 2.4 million access-log rows.
 * Rows are made by PostgreSQL (`INSERT … SELECT generate_series`); only the CPR columns come from Node, sealed
 * and hashed with the app's own CprCipher. One transaction: all of it or nothing.
 */
export const LARGE_MUNICIPALITY = 'Storby Kommune';
const FULL = { teams: 25, staff: 1000, citizens: 60_000, efforts: 600_000, meetings: 250_000, audit: 2_400_000 };
/** The known caseworker of team 01 gets exactly this many active cases (fewer only at a tiny scale). */
const KNOWN_ACTIVE = 30;
/** Meeting slots per caseworker over the two years: 104 weeks × 5 weekdays × 6 start hours (09–14). */
const WEEKS = 104;
const SLOTS = WEEKS * 5 * 6;
/** CPR numbers: 1960–1999 births, serials 4000–4999 and 9000–9999 (the demo uses 1000–3999), all unique. */
const CPR_DAYS = 14_610;
const CPR_SPACE = CPR_DAYS * 2000;
const CPR_STEP = 1_000_003; // prime, not a factor of CPR_SPACE: i ↦ i·step mod space is a permutation
const CPR_RUN = 1_000_000; // citizens per run at most, so a forced second run gets numbers of its own

export interface LargeSeedOptions {
  /** 1 is the full municipality; 0.01 a quick one for tests. */
  scale: number;
  /** Add another large municipality where one is already. */
  force: boolean;
  log: (m: string) => void;
}

export interface LargeLogin {
  email: string;
  role: string;
}

export interface LargeSeedResult {
  municipality: string;
  teamIds: string[];
  logins: LargeLogin[];
  rows: Record<string, number>;
  seconds: number;
}

export class LargeDataPresent extends Error {}

const effortTitles: Record<keyof typeof effortTypes, string> = {
  virksomhedspraktik: 'Praktik i lokal virksomhed',
  loentilskud: 'Job med løntilskud',
  ips: 'IPS-forløb med jobkonsulent',
  mentor: 'Mentor i opstarten',
  brancheafklaring: 'Afklaring af brancheønsker',
  snusepraktik: 'Snusepraktik',
  vejledning_opkvalificering: 'Kursus og opkvalificering',
  jobsoegning: 'Jobsøgning med støtte',
  behandling: 'Behandling hos egen læge',
  genoptraening: 'Genoptræning',
  psykoedukation: 'Psykoedukation om angst',
  angsteksponering: 'Eksponeringstræning',
  misbrugsbehandling: 'Misbrugsbehandling',
  bostoette: 'Bostøtte i hjemmet',
  gaeldsraadgivning: 'Gældsrådgivning',
  mestringsforloeb: 'Mestringsforløb i gruppe',
};

/** Unique, valid CPR numbers for citizens `from`…`from + count - 1` of this run. */
function cprNumbers(from: number, count: number, today: string): string[] {
  const epoch = Date.UTC(1960, 0, 1);
  const out: string[] = [];
  for (let i = from; i < from + count; i++) {
    const g = Number((BigInt(i) * BigInt(CPR_STEP)) % BigInt(CPR_SPACE));
    const birth = new Date(epoch + (g % CPR_DAYS) * 86_400_000);
    const s = Math.floor(g / CPR_DAYS);
    const serial = s < 1000 ? 4000 + s : 9000 + s - 1000;
    const cpr =
      String(birth.getUTCDate()).padStart(2, '0') +
      String(birth.getUTCMonth() + 1).padStart(2, '0') +
      String(birth.getUTCFullYear() % 100).padStart(2, '0') +
      String(serial);
    // The app's own rule, so every number is one the app would accept.
    if (!validateCpr(cpr, today).ok) throw new Error(`seed made an invalid CPR number (${cpr.slice(0, 6)})`);
    out.push(cpr);
  }
  return out;
}

interface StaffRow {
  team: number;
  kind: 'manager' | 'employment' | 'social' | 'health';
  k: number;
  email: string;
  name: string;
  ceiling: number | null;
}

/** A team of `size`: one manager (two in every third team), a fifth health staff, a quarter social workers. */
function teamStaff(team: number, size: number, domain: string): StaffRow[] {
  const t = String(team + 1).padStart(2, '0');
  const managers = (team + 1) % 3 === 0 && size >= 20 ? 2 : 1;
  const health = Math.max(1, Math.round(size * 0.2));
  const social = Math.max(1, Math.round(size * 0.25));
  const employment = Math.max(1, size - managers - health - social);
  const rows: StaffRow[] = [];
  const name = (i: number) =>
    `${firstNames[(team * 7 + i) % firstNames.length]} ${String.fromCharCode(65 + ((team + i * 3) % 26))}. ${lastNames[(team * 5 + i * 11) % lastNames.length]}`;
  const add = (kind: StaffRow['kind'], n: number, local: string, ceiling: (k: number) => number | null) => {
    for (let k = 0; k < n; k++) {
      rows.push({
        team,
        kind,
        k,
        email: `${local}${kind === 'manager' && k === 0 ? '' : k + 1}.t${t}@${domain}`,
        name: name(rows.length),
        ceiling: ceiling(k),
      });
    }
  };
  add('manager', managers, 'leder', () => null);
  // Personal ceilings around the loads they carry (so "Overblik" shows ok, near and over); every sixth
  // follows the team's or its target group's.
  add('employment', employment, 'sagsbehandler', (k) => (k % 6 === 5 ? null : 50 + (k % 6) * 5));
  add('social', social, 'socialraadgiver', (k) => (k % 6 === 5 ? null : 45 + (k % 6) * 5));
  add('health', health, 'sundhed', (k) => (k % 4 === 0 ? 30 : null));
  return rows;
}

/** Seeds the large municipality into the database at `ownerUrl` (migrated, demo unit seeded). */
export async function seedLarge(ownerUrl: string, config: AppConfig, opts: LargeSeedOptions): Promise<LargeSeedResult> {
  const started = Date.now();
  const scale = opts.scale;
  if (!(scale > 0 && scale <= 1)) throw new Error('SEED_SCALE must be above 0 and at most 1');
  const size = {
    teams: Math.max(2, Math.round(FULL.teams * scale)),
    staff: 0,
    citizens: Math.max(50, Math.round(FULL.citizens * scale)),
    efforts: Math.max(100, Math.round(FULL.efforts * scale)),
    meetings: Math.max(100, Math.round(FULL.meetings * scale)),
    audit: Math.max(1000, Math.round(FULL.audit * scale)),
  };
  size.staff = Math.max(size.teams * 5, Math.round(FULL.staff * scale));
  const cipher = new CprCipher(loadCprKey(config, opts.log));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  const rows: Record<string, number> = {};
  let lap = Date.now();
  /** One step: its statement(s), then a progress line with the rows it added and its seconds. */
  const step = async (table: string, run: () => Promise<number>) => {
    const n = await run();
    rows[table] = (rows[table] ?? 0) + n;
    const now = Date.now();
    opts.log(
      `  ${table.padEnd(22)} ${n.toLocaleString('en').padStart(10)} rows ${((now - lap) / 1000).toFixed(1).padStart(6)} s`,
    );
    lap = now;
  };
  const exec = async (sql: string, params: unknown[] = []) => (await client.query(sql, params)).rowCount ?? 0;
  try {
    await client.query('BEGIN');
    // Bulk settings for this transaction only; every trigger stays on (the audit log's append-only ones too).
    await client.query(`SET LOCAL synchronous_commit = off; SET LOCAL work_mem = '256MB'`);
    await client.query('SELECT pg_advisory_xact_lock(727003)');
    const { rows: present } = await client.query<{ n: number }>(
      `SELECT count(DISTINCT municipality)::int AS n FROM team WHERE municipality LIKE $1`,
      [`${LARGE_MUNICIPALITY}%`],
    );
    const run = present[0].n + 1;
    if (run > 1 && !opts.force) {
      throw new LargeDataPresent(
        `${LARGE_MUNICIPALITY} is already in this database: use a fresh database, or --force to add another one`,
      );
    }
    const municipality = run === 1 ? LARGE_MUNICIPALITY : `${LARGE_MUNICIPALITY} ${run}`;
    const domain = run === 1 ? 'storby.tvaers.dk' : `storby${run}.tvaers.dk`;
    opts.log(
      `seeding ${municipality} (scale ${scale}): ${size.staff} staff in ${size.teams} teams, ${size.citizens} citizens`,
    );

    // Teams, spread over the target groups (their default ceilings); every fifth team has a ceiling of its own.
    const targetGroups = ['activity_ready', 'job_ready', 'sickness_benefit', 'activity_ready', 'job_ready'];
    const teamNames = Array.from(
      { length: size.teams },
      (_, t) => `Tværfagligt team ${String(t + 1).padStart(2, '0')}`,
    );
    const { rows: teams } = await client.query<{ id: string }>(
      `INSERT INTO team (municipality, name, target_group_id, caseload_ceiling)
       SELECT $1, u.name, u.tg, u.ceiling FROM unnest($2::text[], $3::text[], $4::numeric[]) WITH ORDINALITY AS u(name, tg, ceiling, i)
        ORDER BY u.i RETURNING id`,
      [
        municipality,
        teamNames,
        teamNames.map((_, t) => targetGroups[t % targetGroups.length]),
        teamNames.map((_, t) => (t % 5 === 4 ? 38 : null)),
      ],
    );
    const teamIds = teams.map((t) => t.id);
    await step('team', () => Promise.resolve(teamIds.length));

    const staff: StaffRow[] = [];
    for (let t = 0; t < size.teams; t++) {
      const per = Math.floor(size.staff / size.teams) + (t < size.staff % size.teams ? 1 : 0);
      staff.push(...teamStaff(t, per, domain));
    }
    await client.query(
      `CREATE TEMP TABLE ls_staff ON COMMIT DROP AS
       SELECT gen_random_uuid() AS id, u.* FROM unnest($1::int[], $2::text[], $3::int[], $4::text[], $5::text[], $6::numeric[])
         AS u(team, kind, k, email, name, ceiling)`,
      [
        staff.map((s) => s.team),
        staff.map((s) => s.kind),
        staff.map((s) => s.k),
        staff.map((s) => s.email),
        staff.map((s) => s.name),
        staff.map((s) => s.ceiling),
      ],
    );
    await step('staff', () =>
      exec(
        `INSERT INTO staff (id, email, name, password_hash, roles, discipline, caseload_ceiling, phone)
         SELECT id, email, name, $1,
                ARRAY[CASE kind WHEN 'manager' THEN 'manager' WHEN 'health' THEN 'health' ELSE 'caseworker' END],
                CASE kind WHEN 'manager' THEN 'employment' ELSE kind END, ceiling,
                '72 ' || lpad((20 + team)::text, 2, '0') || ' ' || lpad((row_number() OVER (ORDER BY team, kind, k))::text, 4, '0')
           FROM ls_staff ORDER BY team, kind, k`,
        [passwordHash],
      ),
    );
    await step('team_member', () =>
      exec(`INSERT INTO team_member (staff_id, team_id) SELECT s.id, ($1::uuid[])[s.team + 1] FROM ls_staff s`, [
        teamIds,
      ]),
    );
    // Who may carry cases (caseworkers, numbered per team), the team's first manager and its health staff.
    await client.query(`
      CREATE TEMP TABLE ls_cw ON COMMIT DROP AS
        SELECT team, (row_number() OVER (PARTITION BY team ORDER BY kind, k) - 1)::int AS k, id, name,
               count(*) OVER (PARTITION BY team)::int AS cnt
          FROM ls_staff WHERE kind IN ('employment', 'social');
      CREATE TEMP TABLE ls_health ON COMMIT DROP AS
        SELECT team, k, id, name, count(*) OVER (PARTITION BY team)::int AS cnt FROM ls_staff WHERE kind = 'health';
      CREATE TEMP TABLE ls_mgr ON COMMIT DROP AS SELECT team, id, name FROM ls_staff WHERE kind = 'manager' AND k = 0;
      CREATE UNIQUE INDEX ON ls_cw (team, k);`);

    // CPR numbers are sealed and hashed in Node, exactly as CitizensService stores them.
    const today = localDate(new Date());
    await client.query(
      `CREATE TEMP TABLE ls_cit (n int PRIMARY KEY, enc bytea, hash bytea, birth char(6)) ON COMMIT DROP`,
    );
    const BATCH = 10_000;
    for (let from = 0; from < size.citizens; from += BATCH) {
      const count = Math.min(BATCH, size.citizens - from);
      const cprs = cprNumbers((run - 1) * CPR_RUN + from, count, today);
      await client.query(`INSERT INTO ls_cit SELECT * FROM unnest($1::int[], $2::bytea[], $3::bytea[], $4::text[])`, [
        cprs.map((_, i) => from + i + 1),
        cprs.map((c) => cipher.encrypt(c)),
        cprs.map((c) => cipher.hash(c)),
        cprs.map((c) => c.slice(0, 6)),
      ]);
    }
    opts.log(
      `  ${'(CPR sealed in Node)'.padEnd(22)} ${size.citizens.toLocaleString('en').padStart(10)} rows ${((Date.now() - lap) / 1000).toFixed(1).padStart(6)} s`,
    );
    lap = Date.now();

    // One case per citizen. The known caseworker (team 01's first) gets the team's first KNOWN_ACTIVE active
    // cases and no others; elsewhere loads spread from about half to one and a half times the average.
    await client.query(
      `CREATE TEMP TABLE ls_case ON COMMIT DROP AS
       WITH base AS (
         SELECT c.n, CASE WHEN c.n % 100 < 66 THEN 'assigned' WHEN c.n % 100 < 68 THEN 'queued' ELSE 'closed' END AS kind,
                floor(random() * $1)::int AS team, random() AS u,
                ($2::text[])[1 + (c.n * 7) % cardinality($2::text[])] AS benefit
           FROM ls_cit c),
       ranked AS (
         SELECT b.*, row_number() OVER (PARTITION BY b.team, b.kind ORDER BY b.n) AS tr,
                t.cnt, -0.5 + sqrt(0.25 + 2 * b.u) AS x
           FROM base b JOIN (SELECT team, max(cnt) AS cnt FROM ls_cw GROUP BY team) t ON t.team = b.team),
       picked AS (
         SELECT r.*, CASE
                  WHEN r.kind = 'queued' THEN NULL
                  WHEN r.team = 0 AND r.kind = 'assigned' AND r.tr <= $3 THEN 0
                  WHEN r.team = 0 THEN least(r.cnt - 1, 1 + floor((r.cnt - 1) * r.x))::int
                  ELSE least(r.cnt - 1, floor(r.cnt * r.x))::int END AS k
           FROM ranked r)
       SELECT p.n, row_number() OVER (ORDER BY p.n)::int AS idx, gen_random_uuid() AS id, gen_random_uuid() AS citizen_id,
              p.kind, p.team, ($4::uuid[])[p.team + 1] AS team_id, p.benefit,
              w.id AS responsible_id, w.name AS responsible_name, w.k AS cw_k, w.cnt AS cw_cnt,
              m.id AS manager_id, m.name AS manager_name,
              coalesce(w.id, m.id) AS actor_id, coalesce(w.name, m.name) AS actor_name,
              coalesce(bw.weight, 1)::numeric(4,2) AS weight,
              -- Assigned cases opened one to three years ago, queued ones within the month; closed ones below.
              CASE p.kind
                WHEN 'assigned' THEN now() - (365 + random() * 730) * interval '1 day'
                WHEN 'queued' THEN now() - random() * 30 * interval '1 day'
              END AS opened_at,
              CASE WHEN p.kind = 'closed' THEN now() - (1 + random() * 700) * interval '1 day' END AS closed_at,
              ($5::text[])[1 + p.n % cardinality($5::text[])] AS first_name,
              ($6::text[])[1 + (p.n / 7) % cardinality($6::text[])] AS last_name
         FROM picked p
         LEFT JOIN ls_cw w ON w.team = p.team AND w.k = p.k
         JOIN ls_mgr m ON m.team = p.team
         LEFT JOIN benefit_weight bw ON bw.benefit = p.benefit`,
      [size.teams, [...benefits], KNOWN_ACTIVE, teamIds, firstNames, lastNames],
    );
    await client.query(`
      UPDATE ls_case SET opened_at = closed_at - (90 + random() * 500) * interval '1 day' WHERE kind = 'closed';
      CREATE UNIQUE INDEX ON ls_case (idx);
      ANALYZE ls_case; ANALYZE ls_cw;`);

    await step('citizen', () =>
      exec(
        `INSERT INTO citizen (id, cpr_encrypted, cpr_hash, cpr_birth, name, email, phone, benefit, benefit_start,
                              created_at, updated_at, registered_by_id)
         SELECT c.citizen_id, x.enc, x.hash, x.birth, c.first_name || ' ' || c.last_name,
                'borger' || c.n || '.' || $1 || '@example.dk', '+45 ' || (30000000 + c.n * 13)::text, c.benefit,
                (c.opened_at - (random() * 60) * interval '1 day')::date, c.opened_at, c.opened_at, c.actor_id
           FROM ls_case c JOIN ls_cit x ON x.n = c.n ORDER BY c.n`,
        [run],
      ),
    );
    await step('case', () =>
      exec(
        `INSERT INTO "case" (id, citizen_id, team_id, responsible_id, status, weight, opened_at, closed_at, close_outcome, close_reason)
         SELECT id, citizen_id, team_id, responsible_id, CASE kind WHEN 'closed' THEN 'closed' ELSE 'active' END, weight,
                opened_at, closed_at,
                CASE WHEN kind = 'closed' THEN ($1::text[])[1 + n % cardinality($1::text[])] END,
                CASE WHEN kind = 'closed' THEN 'Afsluttet efter forløbet' END
           FROM ls_case ORDER BY n`,
        [[...closeOutcomes]],
      ),
    );
    // Assignment history: the opening (the queue's without a person), and for every seventh assigned case an
    // earlier caseworker of the same team it moved from halfway.
    await step('case_assignment', () =>
      exec(`
        INSERT INTO case_assignment (case_id, citizen_id, team_id, from_staff_id, to_staff_id, at, by_staff_id, reason, weight)
        SELECT c.id, c.citizen_id, c.team_id, NULL, coalesce(prev.id, c.responsible_id), c.opened_at,
               CASE WHEN c.kind = 'queued' THEN c.manager_id ELSE coalesce(prev.id, c.responsible_id) END, NULL, c.weight
          FROM ls_case c
          LEFT JOIN ls_cw prev ON c.n % 7 = 3 AND c.cw_cnt > 1 AND prev.team = c.team AND prev.k = (c.cw_k + 1) % c.cw_cnt
        UNION ALL
        SELECT c.id, c.citizen_id, c.team_id, prev.id, c.responsible_id,
               c.opened_at + (coalesce(c.closed_at, now()) - c.opened_at) / 2, c.manager_id,
               'Omfordelt ved ny fordeling af teamets sager', c.weight
          FROM ls_case c
          JOIN ls_cw prev ON c.n % 7 = 3 AND c.cw_cnt > 1 AND prev.team = c.team AND prev.k = (c.cw_k + 1) % c.cw_cnt`),
    );
    // A health colleague of the team works on every third active case.
    await step('case_member', () =>
      exec(`
        INSERT INTO case_member (case_id, staff_id, role)
        SELECT c.id, h.id, 'sundhedsfaglig' FROM ls_case c
          JOIN ls_health h ON h.team = c.team AND h.k = c.n % h.cnt
         WHERE c.kind = 'assigned' AND c.n % 3 = 0`),
    );
    await step('consent', () =>
      exec(`
        INSERT INTO consent (citizen_id, scope, given, given_at, withdrawn_at, recorded_by_id, recorded_by_name, note)
        SELECT c.citizen_id, s.scope, true, c.opened_at + interval '14 days', NULL, c.actor_id, c.actor_name, NULL
          FROM ls_case c CROSS JOIN (VALUES ('health_in_unit', 2), ('plan_excerpt_to_doctor', 5)) AS s(scope, every)
         WHERE c.kind <> 'queued' AND c.n % s.every = 0`),
    );

    // Plans: version 1 at the opening, then goals, a contact plan and reviews; version history to match.
    const goals = [
      [
        'Jeg vil gerne kunne arbejde igen, også selvom det starter med få timer.',
        'Lager og logistik, 15 timer om ugen',
      ],
      [
        'Jeg vil have styr på min økonomi og min søvn, så jeg kan tage en uddannelse.',
        'Uddannelse som social- og sundhedshjælper',
      ],
      ['Jeg vil ud blandt andre mennesker og have en hverdag med faste rammer.', 'Butiksmedhjælper'],
    ];
    await client.query(
      `CREATE TEMP TABLE ls_plan ON COMMIT DROP AS
       SELECT c.id AS case_id, v.version, c.actor_id, c.actor_name,
              c.opened_at + (v.version - 1) * (coalesce(c.closed_at, now()) - c.opened_at) / CASE WHEN c.kind = 'queued' THEN 1 ELSE 6 END AS at,
              CASE WHEN c.kind = 'queued' THEN 1 ELSE 1 + c.n % 6 END AS versions,
              ($1::text[])[1 + c.n % 3] AS citizen_goal, ($2::text[])[1 + c.n % 3] AS job_goal
         FROM ls_case c CROSS JOIN LATERAL generate_series(1, CASE WHEN c.kind = 'queued' THEN 1 ELSE 1 + c.n % 6 END) AS v(version)`,
      [goals.map((g) => g[0]), goals.map((g) => g[1])],
    );
    await step('plan', () =>
      exec(`
        INSERT INTO plan (case_id, version, citizen_goal, job_goal, contact_plan, reviewed_on, assessed_on, updated_at, updated_by_id, updated_by_name)
        SELECT case_id, version, CASE WHEN version >= 2 THEN citizen_goal ELSE '' END, CASE WHEN version >= 2 THEN job_goal ELSE '' END,
               CASE WHEN version >= 3 THEN '{"intervalDays": 14, "reason": "Tæt kontakt i opstarten"}'::jsonb END,
               (at AT TIME ZONE '${TIME_ZONE}')::date, NULL, at, actor_id, actor_name
          FROM ls_plan WHERE version = versions`),
    );
    await step('plan_version', () =>
      exec(`
        INSERT INTO plan_version (case_id, version, at, by_id, by_name, changes)
        SELECT case_id, version, at, actor_id, actor_name, CASE version
                 WHEN 1 THEN '[]'::jsonb
                 WHEN 2 THEN jsonb_build_array(jsonb_build_object('field', 'citizenGoal', 'from', '', 'to', citizen_goal),
                                               jsonb_build_object('field', 'jobGoal', 'from', '', 'to', job_goal))
                 WHEN 3 THEN jsonb_build_array(
                   jsonb_build_object('field', 'contactPlan', 'from', NULL, 'to', '{"intervalDays": 14, "reason": "Tæt kontakt i opstarten"}'::jsonb))
                 ELSE jsonb_build_array(jsonb_build_object('field', 'reviewedOn',
                   'from', to_char((lag(at) OVER (PARTITION BY case_id ORDER BY version)) AT TIME ZONE '${TIME_ZONE}', 'YYYY-MM-DD'),
                   'to', to_char(at AT TIME ZONE '${TIME_ZONE}', 'YYYY-MM-DD')))
               END
          FROM ls_plan`),
    );

    // Efforts: about ten a case, of every type; a closed case's are completed or stopped, a queued one's planned.
    const types = Object.keys(effortTypes) as (keyof typeof effortTypes)[];
    await step('effort', () =>
      exec(
        `INSERT INTO effort (case_id, type, title, discipline, owner_id, purpose, start_date, end_date, status, stop_reason, created_at)
         SELECT c.id, ($2::text[])[t], ($3::text[])[t], ($4::text[])[t],
                CASE WHEN ($4::text[])[t] = 'employment' THEN c.responsible_id END, NULL,
                (c.opened_at + (i % 10) * interval '20 days')::date,
                CASE WHEN c.kind = 'closed' OR i % 3 = 0 THEN (c.opened_at + ((i % 10) * 20 + 60) * interval '1 day')::date END,
                CASE WHEN c.kind = 'closed' THEN (CASE WHEN i % 5 = 0 THEN 'stopped' ELSE 'completed' END)
                     WHEN c.kind = 'queued' THEN 'planned'
                     ELSE (ARRAY['active', 'active', 'planned', 'completed', 'stopped'])[1 + i % 5] END,
                CASE WHEN (c.kind = 'closed' AND i % 5 = 0) OR (c.kind = 'assigned' AND i % 5 = 4) THEN 'Borgeren ønskede et andet forløb' END,
                c.opened_at
           FROM generate_series(1, $1::int) AS i
           JOIN ls_case c ON c.idx = (i - 1) % $5::int + 1
           CROSS JOIN LATERAL (SELECT 1 + (i / 7 + c.n) % cardinality($2::text[]) AS t) tt
          ORDER BY c.id`,
        [size.efforts, types, types.map((t) => effortTitles[t]), types.map((t) => effortTypes[t]), size.citizens],
      ),
    );

    // Meetings on assigned cases, a year back to a year ahead, each at a slot of its own in the caseworker's
    // weeks (weekdays, 09–15 Copenhagen time): held or cancelled before now, scheduled after.
    await client.query(
      `CREATE TEMP TABLE ls_meeting ON COMMIT DROP AS
       WITH a AS (SELECT row_number() OVER (ORDER BY n)::int AS ai, * FROM ls_case WHERE kind = 'assigned'),
       m AS (SELECT i, a.*, random() AS u FROM generate_series(1, $1::int) AS i
               JOIN a ON a.ai = (i - 1) % (SELECT count(*) FROM a) + 1),
       s AS (SELECT m.*, row_number() OVER (PARTITION BY responsible_id ORDER BY u) - 1 AS r,
                    count(*) OVER (PARTITION BY responsible_id) AS c FROM m),
       slot AS (SELECT s.*, floor(s.r * ${SLOTS}.0 / greatest(s.c, 1))::int % ${SLOTS} AS slot FROM s)
       SELECT gen_random_uuid() AS id, i, n, id AS case_id, responsible_id, responsible_name,
              first_name || ' ' || last_name AS citizen_name, u,
              ((date_trunc('week', now() AT TIME ZONE '${TIME_ZONE}') - interval '${WEEKS / 2} weeks'
                + (slot / 30) * interval '1 week' + ((slot % 30) / 6) * interval '1 day' + (9 + slot % 6) * interval '1 hour')
                AT TIME ZONE '${TIME_ZONE}') AS start_at
         FROM slot`,
      [size.meetings],
    );
    await step('meeting', () =>
      exec(`
        INSERT INTO meeting (id, case_id, title, status, start_at, end_at, location, video_url, created_by, created_at, updated_at,
                             summary, held_at, held_by_id, held_by_name)
        SELECT id, case_id, 'Rundbordsmøde: ' || citizen_name,
               CASE WHEN start_at + interval '1 hour' > now() THEN 'scheduled' WHEN u < 0.1 THEN 'cancelled' ELSE 'held' END,
               start_at, start_at + interval '1 hour', 'Jobcentret, mødelokale ' || (1 + i % 6), NULL,
               responsible_id, least(now(), start_at - interval '14 days'), least(now(), start_at - interval '14 days'),
               CASE WHEN start_at + interval '1 hour' <= now() AND u >= 0.1 THEN 'Samtale om planen og næste skridt.' END,
               CASE WHEN start_at + interval '1 hour' <= now() AND u >= 0.1 THEN start_at + interval '1 hour' END,
               CASE WHEN start_at + interval '1 hour' <= now() AND u >= 0.1 THEN responsible_id END,
               CASE WHEN start_at + interval '1 hour' <= now() AND u >= 0.1 THEN responsible_name END
          FROM ls_meeting ORDER BY start_at`),
    );
    // The caseworker and the citizen at every meeting, the citizen's doctor at three in five.
    await step('meeting_participant', () =>
      exec(
        `INSERT INTO meeting_participant (meeting_id, kind, staff_id, name, clinic, response)
         SELECT * FROM (
         SELECT id, 'staff', responsible_id, responsible_name, NULL, 'accepted' FROM ls_meeting
         UNION ALL
         SELECT id, 'citizen', NULL, citizen_name, NULL, CASE WHEN start_at < now() OR i % 4 <> 0 THEN 'accepted' ELSE 'pending' END
           FROM ls_meeting
         UNION ALL
         SELECT id, 'doctor', NULL, ($1::text[])[1 + n % 4], ($2::text[])[1 + n % 4],
                CASE WHEN start_at < now() OR i % 3 = 0 THEN 'accepted' ELSE 'pending' END
           FROM ls_meeting WHERE i % 5 < 3
         ) AS p (meeting_id, kind, staff_id, name, clinic, response)
         -- In index order: each meeting's rows land together, not on a random index page each.
         ORDER BY meeting_id`,
        [doctors, clinics],
      ),
    );

    // The access log: reads and changes of each case by its caseworker (the queue's by the manager), spread
    // over the case's life; inserted in the order of the citizen index, whose pages then fill one after another.
    const actions = [
      ['case.list', 'case', 'case'],
      ['case.read', 'case', 'case'],
      ['plan.read', 'plan', 'case'],
      ['citizen.read', 'citizen', 'citizen'],
      ['meetings.list', 'meeting', 'case'],
      ['plan.read', 'plan', 'case'],
      ['consent.read', 'consent', 'citizen'],
      ['plan.update', 'plan', 'case'],
    ];
    await step('audit_entry', () =>
      exec(
        `INSERT INTO audit_entry (at, actor_kind, actor_id, actor_name, citizen_id, action, entity, entity_id, purpose, details)
         SELECT c.opened_at + random() * (coalesce(c.closed_at, now()) - c.opened_at) AS at, 'staff', c.actor_id, c.actor_name,
                c.citizen_id, ($2::text[])[a], ($3::text[])[a],
                CASE ($4::text[])[a] WHEN 'citizen' THEN c.citizen_id ELSE c.id END, NULL,
                CASE WHEN ($2::text[])[a] = 'plan.update' THEN jsonb_build_object('version', 2, 'fields', jsonb_build_array('citizenGoal', 'jobGoal')) END
           FROM generate_series(1, $1::int) AS i
           JOIN ls_case c ON c.idx = (i - 1) % $5::int + 1
           CROSS JOIN LATERAL (SELECT 1 + (i / $5::int) % cardinality($2::text[]) AS a) aa
          ORDER BY c.citizen_id, at`,
        [size.audit, actions.map((a) => a[0]), actions.map((a) => a[1]), actions.map((a) => a[2]), size.citizens],
      ),
    );

    // The known logins: team 01's manager (the whole team in "Overblik") and its caseworker with KNOWN_ACTIVE cases.
    const { rows: known } = await client.query<LargeLogin & { cases: number }>(
      `SELECT s.email, 'manager of a ' || (SELECT count(*) FROM ls_staff x WHERE x.team = 0) || '-person team' AS role, 0 AS cases
         FROM ls_staff s WHERE s.team = 0 AND s.kind = 'manager' AND s.k = 0
       UNION ALL
       SELECT s.email, 'caseworker with ' || count(c.*) || ' active cases', count(c.*)::int
         FROM ls_staff s JOIN ls_case c ON c.responsible_id = s.id AND c.kind = 'assigned'
        WHERE s.team = 0 AND s.id = (SELECT id FROM ls_cw WHERE team = 0 AND k = 0) GROUP BY s.email
       UNION ALL
       SELECT s.email, 'health, member of ' || count(m.*) || ' cases', 0
         FROM ls_staff s JOIN case_member m ON m.staff_id = s.id
        WHERE s.team = 0 AND s.kind = 'health' AND s.k = 0 GROUP BY s.email`,
    );
    await client.query('COMMIT');
    // Fresh statistics and visibility maps, so the first requests after the seed get the plans (index-only scans
    // included) they will have once autovacuum has been by.
    const analyzed = Date.now();
    await client.query(
      `VACUUM (ANALYZE) staff, team_member, citizen, "case", case_assignment, case_member, consent, plan, plan_version, effort, meeting, meeting_participant, audit_entry`,
    );
    opts.log(
      `  ${'(vacuum, analyze)'.padEnd(22)} ${''.padStart(10)}      ${((Date.now() - analyzed) / 1000).toFixed(1).padStart(6)} s`,
    );
    return {
      municipality,
      teamIds,
      logins: known.map(({ email, role }) => ({ email, role })),
      rows,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}
