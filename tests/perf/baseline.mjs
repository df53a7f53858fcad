#!/usr/bin/env node
// The bench's bare baseline: plain Fastify + pg, no Nest, no ORM, serving the bench's read paths with the SQL the
// app's repositories run (session lookup, the case/citizen visibility rule, the access-log rows in one multi-row
// INSERT per request, the data). What the app could reach with no framework cost: the bench reports app / this.
// Started by run.mjs with DATABASE_URL and PORT; answers only what the bench asks. Statements the repositories
// export come from the API's build (`npm run bench` builds first; their modules load, unused, Nest and TypeORM);
// the rest are written out below.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import Fastify from 'fastify';
import pg from 'pg';

const require = createRequire(import.meta.url);
const { findCommonSlots, DEFAULT_WORKING_HOURS } = require('@tvaers/domain');
const built = (file) => require(new URL(`../../apps/api/dist/${file}`, import.meta.url).pathname);
const { PLAN_WITH_EFFORTS_SQL } = built('plans/plans.repository.js');
const { CASE_HOLDERS_SQL, responsibleTotals } = built('cases/cases.repository.js');
const { TEAM_SQL, TEAM_LOADS_SQL, QUEUE_SQL, OVERRIDES_SQL } = built('caseload/caseload.repository.js');
const { BUSY_SQL } = built('meetings/meetings.repository.js');

const PAGE = 50;
// The app's connection settings (data-source.ts), so both sides run the SQL alike.
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.BASELINE_POOL ?? 10),
  options: '-c jit=off -c max_parallel_workers_per_gather=0 -c random_page_cost=1.1',
});
const app = Fastify({ logger: false });

// --- The same SQL as the app: apps/api/src/auth/session.repository.ts, access/access.repository.ts -------------
const SESSION = `WITH touched AS (UPDATE session SET last_seen_at = $2
    WHERE id = ANY($1) AND expires_at > $2 AND last_seen_at > $3 AND last_seen_at < $2::timestamptz - interval '1 minute'
    RETURNING id) SELECT s.id AS session_id, st.id AS staff_id, st.name, st.email, st.roles, st.discipline,
      COALESCE(array_agg(tm.team_id) FILTER (WHERE tm.team_id IS NOT NULL), '{}') AS team_ids
    FROM session s JOIN staff st ON st.id = s.staff_id AND st.active
    LEFT JOIN team_member tm ON tm.staff_id = st.id
    WHERE s.id = ANY($1) AND s.expires_at > $2 AND s.last_seen_at > $3
    GROUP BY s.id, st.id`;

const caseByTeam = (k, teams) => `${k}.team_id = ANY(${teams}::uuid[])`;
const caseAsMember = (k, staff) =>
  `${k}.id = ANY(ARRAY(SELECT vm.case_id FROM case_member vm WHERE vm.staff_id = ${staff}))`;
const caseVisible = (k, teams, staff) => `(${caseByTeam(k, teams)} OR ${caseAsMember(k, staff)})`;
const healthConsent = (citizen) =>
  `EXISTS (SELECT 1 FROM consent hc WHERE hc.citizen_id = ${citizen} AND hc.scope = 'health_in_unit' AND hc.given)`;

/** AccessRepository.record: one multi-row INSERT of a request's access-log rows. */
async function record(actor, action, entity, rows) {
  const seen = new Set();
  const unique = rows.filter((r) => !seen.has(r.citizenId) && seen.add(r.citizenId));
  if (unique.length === 0) return;
  await pool.query(
    `INSERT INTO audit_entry (actor_kind, actor_id, actor_name, citizen_id, action, entity, entity_id, purpose, details)
     SELECT 'staff', $1::uuid, $2, u.citizen_id, u.action, u.entity, u.entity_id, u.purpose, u.details
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::jsonb[])
         AS u(citizen_id, action, entity, entity_id, purpose, details)`,
    [
      actor.id,
      actor.name,
      unique.map((r) => r.citizenId),
      unique.map(() => action),
      unique.map(() => entity),
      unique.map((r) => r.entityId),
      unique.map(() => null),
      unique.map(() => null),
    ],
  );
}

const IDLE_MS = Number(process.env.SESSION_IDLE_MINUTES ?? 30) * 60_000;

app.decorateRequest('actor', null);
app.addHook('onRequest', async (req, reply) => {
  const token = /(?:^|;\s*)(?:__Host-)?tvaers_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  if (!token) return reply.code(401).send({ status: 401, title: 'Unauthorized' });
  const now = new Date();
  const id = createHash('sha256').update(decodeURIComponent(token)).digest('hex');
  const { rows } = await pool.query(SESSION, [[id], now, new Date(now.getTime() - IDLE_MS)]);
  if (!rows[0]) return reply.code(401).send({ status: 401, title: 'Unauthorized' });
  const r = rows[0];
  req.actor = { id: r.staff_id, name: r.name, roles: r.roles, discipline: r.discipline, teamIds: r.team_ids.sort() };
});
app.addHook('onSend', async (_req, reply) => {
  reply.header('cache-control', 'no-store');
});

const notFound = (reply) => reply.code(404).send({ status: 404, title: 'Not Found' });

// --- A staff member's calendar week, its first page (MeetingsRepository.page, canEach, linkStatuses) ------------
app.get('/api/meetings', async (req) => {
  const a = req.actor;
  const { from, to } = req.query;
  const { rows } = await pool.query(
    `SELECT m.id, m.case_id AS "caseId", k.citizen_id AS "citizenId", m.title, m.status, m.start_at AS "startAt",
            m.end_at AS "endAt", m.location, m.video_url AS "videoUrl", m.agenda, m.sequence,
            ${caseVisible('k', '$2', '$1')} AS "canManage",
            (SELECT COALESCE(json_agg(json_build_object('id', p.id, 'kind', p.kind, 'staffId', p.staff_id, 'name', p.name,
                      'email', p.email, 'role', p.role, 'response', p.response, 'link', (
                        SELECT json_build_object('issuedAt', l.created_at, 'mailedAt', l.mailed_at)
                          FROM guest_link l WHERE l.participant_id = p.id LIMIT 1)) ORDER BY p.kind), '[]')
               FROM meeting_participant p WHERE p.meeting_id = m.id) AS participants,
            (SELECT COALESCE(json_agg(json_build_object('start', pr.start_at, 'end', pr.end_at) ORDER BY pr.start_at), '[]')
               FROM meeting_proposal pr WHERE pr.meeting_id = m.id) AS proposals,
            count(*) OVER () AS total
       FROM meeting m JOIN "case" k ON k.id = m.case_id
      WHERE EXISTS (SELECT 1 FROM meeting_participant sp WHERE sp.meeting_id = m.id AND sp.staff_id = $1)
        AND ((m.status IN ('scheduled', 'held') AND m.start_at < $4 AND m.end_at > $3)
          OR (m.status = 'proposed' AND EXISTS (SELECT 1 FROM meeting_proposal op WHERE op.meeting_id = m.id AND op.start_at < $4 AND op.end_at > $3)))
      ORDER BY COALESCE(m.start_at, (SELECT min(fp.start_at) FROM meeting_proposal fp WHERE fp.meeting_id = m.id), m.created_at), m.id
      LIMIT 51`,
    [a.id, a.teamIds, new Date(from), new Date(to)],
  );
  const page = rows.slice(0, 50);
  await record(
    a,
    'meetings.list',
    'meeting',
    page.map((m) => ({ citizenId: m.citizenId, entityId: m.id })),
  );
  const total = Number(rows[0]?.total ?? 0);
  for (const m of page) delete m.total;
  return { items: page, nextCursor: rows.length > 50 ? page[49].id : null, total };
});

// --- A plan read (AccessRepository.grant with its access-log row, PlansRepository.findPlanWithEfforts) ----------
app.get('/api/cases/:id/plan', async (req, reply) => {
  const a = req.actor;
  const { rows: grant } = await pool.query(
    `WITH g AS (SELECT k.id AS case_id, k.citizen_id, ${healthConsent('k.citizen_id')} AS health_consent
                  FROM "case" k WHERE k.id = $1 AND ${caseVisible('k', '$2', '$3')}),
          a AS (INSERT INTO audit_entry (actor_kind, actor_id, actor_name, citizen_id, action, entity, entity_id, purpose, details)
                SELECT 'staff', $3::uuid, $4, g.citizen_id, 'plan.read', 'plan', $1::uuid, NULL, NULL FROM g RETURNING 1)
     SELECT * FROM g`,
    [req.params.id, a.teamIds, a.id, a.name],
  );
  if (!grant[0]) return notFound(reply);
  const { rows } = await pool.query(PLAN_WITH_EFFORTS_SQL, [req.params.id]);
  if (!rows[0]) return notFound(reply);
  const plan = rows[0];
  // The health rule (access/grant.ts): health efforts only for health staff or under the citizen's consent.
  const seesHealth = a.roles.includes('health') || grant[0].health_consent;
  if (!seesHealth) plan.efforts = plan.efforts.filter((e) => e.discipline !== 'health');
  reply.header('etag', `"${plan.version}"`);
  return plan;
});

// --- Case lists: one keyset page by citizen name (CasesRepository.pageIds/count/totals/findMany, AccessService.list)
// The bench asks for the first page (sort=citizen, order=asc); the app runs page ids and totals at once (no
// citizen join: a case carries its citizen's name, and the bench filters none by benefit or name), counts only
// when the page or the totals do not hold the count, then loads the page's cases, then logs the page's citizens.
// A list of the caller's own teams has the team as its whole visibility rule; one team is matched by `=`.
const OPENED = `date_trunc('milliseconds', k.opened_at)`;
app.get('/api/cases', async (req) => {
  const a = req.actor;
  const q = req.query;
  const params = [];
  const add = (v) => `$${params.push(v)}`;
  const teamIds = q.teamIds ? q.teamIds.split(',') : [];
  const ownTeams = teamIds.length > 0 && teamIds.every((id) => a.teamIds.includes(id));
  const scopeTeams = ownTeams ? null : add(a.teamIds);
  const scopeStaff = ownTeams ? null : add(a.id);
  const where = [];
  if (teamIds.length === 1) where.push(`k.team_id = ${add(teamIds[0])}`);
  else if (q.teamIds) where.push(`k.team_id = ANY(${add(teamIds)}::uuid[])`);
  // Totals: summed over the scope's disjoint parts (ListScope.caseParts), each on its own index.
  const parts = ownTeams
    ? ['TRUE']
    : [caseByTeam('k', scopeTeams), `${caseAsMember('k', scopeStaff)} AND NOT ${caseByTeam('k', scopeTeams)}`];
  const totalsSql = parts
    .map(
      (part) => `SELECT k.responsible_id AS id, count(*) AS cases, sum(k.weight) AS weight FROM "case" k
        WHERE ${[part, ...where, `k.status = 'active'`].join(' AND ')} GROUP BY k.responsible_id`,
    )
    .join(' UNION ALL ');
  const totalsParams = [...params];
  where.unshift(ownTeams ? 'TRUE' : caseVisible('k', scopeTeams, scopeStaff));
  if (q.responsibleId) where.push(`k.responsible_id = ${add(q.responsibleId)}`);
  if (q.status) where.push(`k.status = ${add(q.status)}`);
  const listed = teamIds.filter((id) => a.teamIds.includes(id));
  const [{ rows: keys }, { rows: sums }, { rows: staff }] = await Promise.all([
    pool.query(
      `SELECT k.id, k.citizen_name AS key0, ${OPENED} AS key1, k.id AS key2
         FROM "case" k LEFT JOIN staff r ON r.id = k.responsible_id
        WHERE ${where.join(' AND ')}
        ORDER BY k.citizen_name ASC, ${OPENED} DESC, k.id ASC LIMIT ${PAGE + 1}`,
      params,
    ),
    pool.query(
      `SELECT t.id, (SELECT r.name FROM staff r WHERE r.id = t.id) AS name, sum(t.cases) AS cases,
              sum(t.weight) AS weight
         FROM (${totalsSql}) t GROUP BY t.id`,
      totalsParams,
    ),
    listed.length ? pool.query(CASE_HOLDERS_SQL, [listed]) : { rows: [] },
  ]);
  const page = keys.slice(0, PAGE);
  const { rows: cases } = await pool.query(
    `SELECT k.id, k.citizen_id AS "citizenId", c.name AS "citizenName", c.cpr_birth AS "cprBirth", c.benefit,
            k.team_id AS "teamId", k.responsible_id AS "responsibleId", r.name AS "responsibleName", k.status,
            k.weight::float8 AS weight, k.close_reason AS "closeReason", k.close_outcome AS "closeOutcome",
            k.opened_at AS "openedAt", k.closed_at AS "closedAt",
            (SELECT COALESCE(json_agg(json_build_object('staffId', m.staff_id, 'name', ms.name,
                      'discipline', ms.discipline, 'role', m.role)), '[]')
               FROM case_member m JOIN staff ms ON ms.id = m.staff_id WHERE m.case_id = k.id) AS members
       FROM "case" k JOIN citizen c ON c.id = k.citizen_id LEFT JOIN staff r ON r.id = k.responsible_id
      WHERE k.id = ANY($1::uuid[])`,
    [page.map((k) => k.id)],
  );
  const byId = new Map(cases.map((k) => [k.id, k]));
  const items = page.map((k) => byId.get(k.id));
  await record(
    a,
    'case.list',
    'case',
    items.map((k) => ({ citizenId: k.citizenId, entityId: k.id })),
  );
  const last = page[PAGE - 1];
  const nextCursor =
    keys.length > PAGE
      ? Buffer.from(JSON.stringify(['citizen.asc', last.key0, last.key1.toISOString(), last.key2])).toString(
          'base64url',
        )
      : null;
  const total =
    keys.length <= PAGE
      ? keys.length
      : q.status === 'active' && !q.responsibleId
        ? sums.reduce((n, r) => n + Number(r.cases), 0)
        : Number(
            (await pool.query(`SELECT count(*) AS n FROM "case" k WHERE ${where.join(' AND ')}`, params)).rows[0].n,
          );
  return { items, nextCursor, total, totals: responsibleTotals(staff, sums) };
});

// --- A manager's team caseload (CaseloadService.get: the same statements, concurrently as the app does) --------
app.get('/api/caseload', async (req, reply) => {
  const a = req.actor;
  const teamId = req.query.teamId;
  if (!a.roles.includes('manager')) return reply.code(403).send({ status: 403, title: 'Forbidden' });
  if (!a.teamIds.includes(teamId)) return notFound(reply);
  const since = new Date(Date.now() - 90 * 864e5);
  const [team, loads, queue, overrides] = await Promise.all([
    pool.query(TEAM_SQL, [teamId]),
    pool.query(TEAM_LOADS_SQL, [teamId]),
    pool.query(QUEUE_SQL, [teamId]),
    pool.query(OVERRIDES_SQL, [teamId, since]),
  ]);
  // The app writes the queue's and the overrides' rows as two lists; one statement each.
  await Promise.all([
    record(
      a,
      'caseload.queue.list',
      'case',
      queue.rows.map((q) => ({ citizenId: q.citizen_id, entityId: q.id })),
    ),
    record(
      a,
      'caseload.overrides.list',
      'case',
      overrides.rows.map((o) => ({ citizenId: o.citizen_id, entityId: o.entity_id })),
    ),
  ]);
  return { teamId, team: team.rows[0], rows: loads.rows, queue: queue.rows, overrides: overrides.rows };
});

// --- Common free time of colleagues (AvailabilityService.find: colleague check, hours, absences, busy, slots) ----
app.get('/api/availability', async (req, reply) => {
  const a = req.actor;
  const staffIds = String(req.query.staffIds).split(',');
  const from = new Date(req.query.from);
  const to = new Date(req.query.to);
  const others = staffIds.filter((id) => id !== a.id);
  const { rows: colleagues } = await pool.query(
    `SELECT s.id FROM staff s WHERE s.id = ANY($1::uuid[]) AND s.active
        AND EXISTS (SELECT 1 FROM team_member st WHERE st.staff_id = s.id AND st.team_id = ANY($2::uuid[]))`,
    [others, a.teamIds],
  );
  if (colleagues.length !== others.length) return notFound(reply);
  const [hours, absences, busy] = await Promise.all([
    pool.query(`SELECT staff_id, hours FROM working_hours WHERE staff_id = ANY($1::uuid[])`, [staffIds]),
    pool.query(
      `SELECT staff_id, start_at, end_at FROM absence WHERE staff_id = ANY($1::uuid[]) AND end_at > $2 AND start_at < $3
        ORDER BY start_at`,
      [staffIds, from, to],
    ),
    pool.query(BUSY_SQL, [staffIds, from, to]),
  ]);
  const hoursOf = new Map(hours.rows.map((r) => [r.staff_id, r.hours]));
  const slots = findCommonSlots({
    from,
    to,
    durationMinutes: Number(req.query.durationMinutes),
    calendars: staffIds.map((id) => ({
      hours: hoursOf.get(id) ?? DEFAULT_WORKING_HOURS,
      busy: [...absences.rows, ...busy.rows]
        .filter((b) => b.staff_id === id)
        .map((b) => ({ start: b.start_at, end: b.end_at })),
    })),
  });
  return { slots: slots.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString() })) };
});

const close = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', close);
process.on('SIGINT', close);

await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
console.log(`baseline listening on ${app.server.address().port}`);
