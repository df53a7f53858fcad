// Who sees what (docs/api.md): every route of docs/openapi.json and every socket event, for each kind of caller.
// A route or event without an entry here fails the test, so a new one cannot skip the rules.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { MESSAGE_METADATA } from '@nestjs/websockets/constants';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { localDate } from '@tvaers/domain';
import { AccessService } from '@tvaers/api/src/access/access.service';
import { Permission, RULES, type GuestKind } from '@tvaers/api/src/access/permission';
import { GuestsService } from '@tvaers/api/src/guests/guests.service';
import { type GuestActor, newRequestAudit } from '@tvaers/api/src/common/auth/actor';
import { RealtimeGateway } from '@tvaers/api/src/realtime/realtime.gateway';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/app';
import { apiClient } from '../support/client';
import {
  addGuestParticipant,
  createCase,
  createCitizen,
  createEffort,
  createMeeting,
  createStaff,
  proposeTimes,
  type Staff,
  uniqueCpr,
} from '../support/factories';
import { linkedGuest } from '../support/meeting-fixtures';
import { openApiPath } from '../support/paths';
import { auditCount } from '../support/audit';

type Who = 'own' | 'otherTeam' | 'manager' | 'admin' | 'health' | 'noConsent';

let t: TestApp;
let ds: DataSource;
const staff = {} as Record<Who, Staff>;
const cookie = {} as Record<Who, string>;
const ids = {} as Record<Who, string>;

beforeAll(async () => {
  // Single sign-on on, with a provider nobody answers at: its routes then redirect to the login page.
  t = await startTestApp({ OIDC_ISSUER: 'http://127.0.0.1:9', OIDC_CLIENT_ID: 'tvaers' });
  ds = t.app.get(DataSource);
  // A team of this file's own, and another team.
  staff.own = await createStaff(t); // employment, responsible for the fixture case
  const team = staff.own.teams;
  staff.otherTeam = await createStaff(t); // employment, another team only
  staff.manager = await createStaff(t, { kind: 'manager', teams: team }); // employment discipline
  staff.admin = await createStaff(t, { kind: 'admin', teams: team });
  staff.health = await createStaff(t, { kind: 'health', teams: team });
  staff.noConsent = await createStaff(t, { kind: 'social', teams: team }); // outside health; the citizen has not consented
  for (const who of Object.keys(staff) as Who[]) {
    cookie[who] = staff[who].cookie;
    ids[who] = staff[who].id;
  }
});
afterAll(() => t.close());

/** A case of the own team's citizen without health consent, with an employment and a health effort, a request and a meeting. */
interface Fixture {
  citizenId: string;
  citizenName: string;
  caseId: string;
  effortId: string;
  healthEffortId: string;
  requestId: string;
  meetingId: string;
  /**
   * The meeting's hour: each fixture's its own, years ahead (clear of the proposals and planned meetings here),
   * so a calendar of that hour lists it on the first page.
   */
  meetingStart: Date;
}

let meetingSlot = 0;
async function fixture(): Promise<Fixture> {
  const { citizen, kase } = await createCase(t, cookie.own, ids.own, 0.01);
  const effort = await createEffort(t, cookie.own, kase.id);
  const healthEffort = await createEffort(t, cookie.health, kase.id, {
    type: 'behandling',
    title: 'Behandling for angst',
    discipline: 'health',
  });
  const request = await staff.own.api.requests.create(kase.id, { kind: 'effort', description: 'Mentor' });
  const meetingStart = new Date(Date.UTC(2029, 0, 1) + (meetingSlot += 2) * 3_600_000);
  const meeting = await createMeeting(t, kase.id, staff.own, { start: meetingStart });
  return {
    citizenId: citizen.id,
    citizenName: citizen.name,
    caseId: kase.id,
    effortId: effort.id,
    healthEffortId: healthEffort.id,
    requestId: request.id,
    meetingId: meeting.id,
    meetingStart,
  };
}

interface Call {
  path: string;
  body?: object;
  headers?: Record<string, string>;
  cookie?: string;
}
interface Entry {
  /** Expected status per caller; callers left out are not asked. */
  expect: Partial<Record<Who, number>>;
  call: (fx: Fixture, who: Who) => Call | Promise<Call>;
  /** Lists: whether the fixture's citizen is in the answer, per caller. */
  lists?: (body: unknown, fx: Fixture) => boolean;
}

/** The entry's call of operation `op` (a MATRIX key) as `who`: its path read against the operation's template. */
async function send(op: string, call: Call, who: Who) {
  const [method, template] = op.split('#')[0].split(' ');
  const url = new URL(call.path, t.url);
  const values = new RegExp(`^${template.replace(/\./g, '\\.').replace(/\{\w+\}/g, '([^/]+)')}$`).exec(url.pathname);
  if (!values) throw new Error(`${call.path} is not a path of ${op}`);
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(values[i + 1])]));
  // The keys are the OpenAPI document's operations (checked below), so the template is a contract path.
  return apiClient(t, call.cookie ?? cookie[who]).wire(method.toLowerCase() as 'get', template as never, {
    params,
    query: Object.fromEntries(url.searchParams),
    body: call.body,
    headers: call.headers,
  });
}

const CONTENT = { own: 200, otherTeam: 404, manager: 200, admin: 404 };
const CREATED = { own: 201, otherTeam: 404, manager: 201, admin: 404 };
const ALL_200 = { own: 200, otherTeam: 200, manager: 200, admin: 200 };
/** Public redirects (single sign-on), the same for everyone. */
const ALL_302 = { own: 302, otherTeam: 302, manager: 302, admin: 302 };
const MANAGER_ONLY = { own: 403, otherTeam: 403, manager: 200, admin: 403 };
/** Today in Copenhagen: the API's periods are Copenhagen dates (the UTC date is yesterday's after 23:00 UTC in winter). */
const today = () => localDate(new Date());
const week = () => {
  const from = new Date();
  return `from=${from.toISOString()}&to=${new Date(from.getTime() + 7 * 86_400_000).toISOString()}`;
};
const hasItem = (pred: (i: Record<string, unknown>) => boolean) => (body: unknown) =>
  ((body as { items: Record<string, unknown>[] }).items ?? []).some(pred);
/** Administration: every working role is refused whatever its team. */
const ADMIN_ONLY = { own: 403, otherTeam: 403, manager: 403, health: 403 };
const VISIBLE_LIST = { own: true, otherTeam: false, manager: true, admin: false };
/** Guest routes answer the link, whoever's cookie comes along. */
const ALL = (status: number) => ({ own: status, otherTeam: status, manager: status, admin: status });

/** A new link of a new participant of the fixture's meeting (or of a new proposed meeting of its case). */
async function guestToken(
  fx: Fixture,
  kind: 'doctor' | 'citizen' | 'guest',
  meetingId = fx.meetingId,
): Promise<string> {
  return (await linkedGuest(t, staff.own, meetingId, kind)).token;
}
/** A citizen's link as Tværs mails it (never shown to staff): it opens the citizen's whole part. */
async function mailedCitizenToken(fx: Fixture): Promise<string> {
  const p = await addGuestParticipant(t, fx.meetingId, 'citizen');
  const link = await t.app.get(GuestsService).linkForMail(fx.meetingId, p.id, staff.own.id, t.url);
  return link!.url.split('/').pop()!;
}
/** The other team's caseworker takes part in the fixture's meeting (invited across teams). */
async function otherTeamTakesPart(fx: Fixture): Promise<void> {
  await ds.query(
    `INSERT INTO meeting_participant (meeting_id, kind, staff_id, name)
     SELECT $1, 'staff', $2, 'Anden afdeling' WHERE NOT EXISTS
       (SELECT 1 FROM meeting_participant WHERE meeting_id = $1 AND staff_id = $2)`,
    [fx.meetingId, staff.otherTeam.id],
  );
}
let proposalHour = 100;
/** A proposed meeting of the own caseworker's, at hours no other one here uses (an open proposal keeps its time). */
async function proposedMeeting(fx: Fixture): Promise<{ id: string; start: string }> {
  const m = await createMeeting(t, fx.caseId, staff.own);
  const [p] = await proposeTimes(t, m.id, [(proposalHour += 4), proposalHour + 2]);
  return { id: m.id, start: p.start };
}
/** A meeting of the fixture's case that started an hour ago, the own caseworker taking part (and a doctor, if named). */
const startedMeeting = (fx: Fixture, doctor?: string) =>
  createMeeting(t, fx.caseId, staff.own, { start: new Date(Date.now() - 3_600_000), end: new Date(), doctor });
const linkOf = async (fx: Fixture) =>
  `/api/meetings/${fx.meetingId}/participants/${(await addGuestParticipant(t, fx.meetingId, 'doctor')).id}/link`;

/** Keyed by the OpenAPI operation; variants after a '#'. */
const MATRIX: Record<string, Entry> = {
  'GET /api/health': { expect: ALL_200, call: () => ({ path: '/api/health' }) },
  'POST /api/auth/login': {
    expect: ALL_200,
    call: (_fx, who) => ({ path: '/api/auth/login', body: { email: staff[who].email, password: DEMO_PASSWORD } }),
  },
  'POST /api/auth/logout': {
    expect: { own: 204, otherTeam: 204, manager: 204, admin: 204 },
    // A session of its own, so the others stay logged in.
    call: async (_fx, who) => ({ path: '/api/auth/logout', body: {}, cookie: await t.login(staff[who].email) }),
  },
  'GET /api/auth/config': { expect: ALL_200, call: () => ({ path: '/api/auth/config' }) },
  'GET /api/auth/oidc/login': { expect: ALL_302, call: () => ({ path: '/api/auth/oidc/login' }) },
  'GET /api/auth/oidc/callback': { expect: ALL_302, call: () => ({ path: '/api/auth/oidc/callback?code=x&state=y' }) },
  'GET /api/me': { expect: ALL_200, call: () => ({ path: '/api/me' }) },
  // Each caller's own sessions only: a session of its own, so the others stay logged in.
  'GET /api/auth/sessions': { expect: ALL_200, call: () => ({ path: '/api/auth/sessions' }) },
  'DELETE /api/auth/sessions/{id}': {
    expect: { own: 204, otherTeam: 204, manager: 204, admin: 204 },
    call: async (_fx, who) => {
      const own = await t.login(staff[who].email);
      const { id } = (await apiClient(t, own).auth.sessions()).items.find((s) => s.current)!;
      return { path: `/api/auth/sessions/${id}`, cookie: own };
    },
  },
  "DELETE /api/auth/sessions/{id}#another person's": {
    expect: ALL(404),
    call: async () => {
      const other = await t.login((await createStaff(t)).email);
      return { path: `/api/auth/sessions/${(await apiClient(t, other).auth.sessions()).items[0].id}` };
    },
  },
  'POST /api/auth/sessions/logout-all': {
    expect: { own: 204, otherTeam: 204, manager: 204, admin: 204 },
    call: async (_fx, who) => ({
      path: '/api/auth/sessions/logout-all',
      body: {},
      cookie: await t.login((await createStaff(t, { kind: who === 'admin' ? 'admin' : 'caseworker' })).email),
    }),
  },
  'GET /api/meetings': {
    expect: { own: 200, otherTeam: 404, manager: 200, admin: 404 },
    call: (fx) => ({
      path: `/api/meetings?from=${fx.meetingStart.toISOString()}&to=${new Date(fx.meetingStart.getTime() + 3_600_000).toISOString()}&staffId=${ids.own}`,
    }),
    lists: (body, fx) => hasItem((i) => i.id === fx.meetingId)(body),
  },
  'GET /api/meetings/{id}': { expect: CONTENT, call: (fx) => ({ path: `/api/meetings/${fx.meetingId}` }) },
  'POST /api/citizens': {
    expect: { own: 201, otherTeam: 201, manager: 201, admin: 403 },
    call: () => ({ path: '/api/citizens', body: newCitizen() }),
  },
  'GET /api/citizens': {
    expect: ALL_200,
    call: (fx) => ({ path: `/api/citizens?q=${encodeURIComponent(fx.citizenName)}` }),
    lists: (body, fx) => hasItem((i) => i.id === fx.citizenId)(body),
  },
  'GET /api/citizens/{id}/export': {
    expect: { own: 403, otherTeam: 403, manager: 200, admin: 403, health: 403 },
    call: (fx) => ({ path: `/api/citizens/${fx.citizenId}/export` }),
  },
  'GET /api/citizens/{id}': { expect: CONTENT, call: (fx) => ({ path: `/api/citizens/${fx.citizenId}` }) },
  'POST /api/citizens/{id}/reveal-cpr': {
    expect: CONTENT,
    call: (fx) => ({ path: `/api/citizens/${fx.citizenId}/reveal-cpr`, body: { reason: 'Brev til borgeren' } }),
  },
  'GET /api/citizens/{id}/consents': {
    expect: CONTENT,
    call: (fx) => ({ path: `/api/citizens/${fx.citizenId}/consents` }),
  },
  'PUT /api/citizens/{id}/consents/{scope}': {
    expect: CONTENT,
    call: (fx) => ({ path: `/api/citizens/${fx.citizenId}/consents/plan_excerpt_to_doctor`, body: { given: true } }),
  },
  'GET /api/citizens/{id}/access-log': {
    expect: { own: 403, otherTeam: 403, manager: 200, admin: 200 },
    call: (fx) => ({ path: `/api/citizens/${fx.citizenId}/access-log` }),
  },
  'POST /api/cases': {
    // A citizen without a case is open to intake by any team; an administrator opens no cases.
    expect: { own: 201, otherTeam: 201, manager: 201, admin: 404 },
    call: async (_fx, who) => {
      const citizen = await createCitizen(t, cookie.own);
      const responsibleId = who === 'manager' || who === 'admin' ? ids.own : ids[who];
      return { path: '/api/cases', body: { citizenId: citizen.id, responsibleId, weight: 0.01 } };
    },
  },
  'GET /api/cases': {
    expect: ALL_200,
    call: (fx) => ({ path: `/api/cases?q=${encodeURIComponent(fx.citizenName)}` }),
    lists: (body, fx) => hasItem((i) => i.id === fx.caseId)(body),
  },
  'GET /api/cases#ids': {
    // The cases behind an outcome figure: the case list, within the same scope and access log.
    expect: ALL_200,
    call: (fx) => ({ path: `/api/cases?ids=${fx.caseId}` }),
    lists: (body, fx) => hasItem((i) => i.id === fx.caseId)(body),
  },
  'GET /api/outcomes': {
    // Managers of the team only; the figures carry the case ids behind them.
    expect: { own: 403, otherTeam: 403, manager: 200, admin: 403, health: 403 },
    call: () => ({ path: `/api/outcomes?teamId=${staff.manager.teams[0].id}&from=2026-01-01&to=${today()}` }),
    lists: (body, fx) => JSON.stringify(body).includes(fx.caseId),
  },
  // The outcome page's tables as CSV: the figures' own rule and access-log rows (counts only: no case ids in them).
  'GET /api/outcomes/progress.csv': {
    expect: { own: 403, otherTeam: 403, manager: 200, admin: 403, health: 403 },
    call: () => ({
      path: `/api/outcomes/progress.csv?teamId=${staff.manager.teams[0].id}&from=2026-01-01&to=${today()}`,
    }),
  },
  'GET /api/outcomes/closures.csv': {
    expect: { own: 403, otherTeam: 403, manager: 200, admin: 403, health: 403 },
    call: () => ({
      path: `/api/outcomes/closures.csv?teamId=${staff.manager.teams[0].id}&from=2026-01-01&to=${today()}`,
    }),
  },
  'GET /api/outcomes/contact.csv': {
    expect: { own: 403, otherTeam: 403, manager: 200, admin: 403, health: 403 },
    call: () => ({
      path: `/api/outcomes/contact.csv?teamId=${staff.manager.teams[0].id}&from=2026-01-01&to=${today()}`,
    }),
  },
  'GET /api/cases/{id}': { expect: CONTENT, call: (fx) => ({ path: `/api/cases/${fx.caseId}` }) },
  'PATCH /api/cases/{id}': {
    expect: CONTENT,
    call: (fx) => ({ path: `/api/cases/${fx.caseId}`, body: { weight: 0.02 } }),
  },
  'POST /api/cases/{id}/assign': {
    // Caseworkers and managers of the case's team; the fixture's responsible keeps it (no change, still logged).
    // A health worker's role may not assign at all: 403, before the case is looked up.
    expect: { ...CONTENT, health: 403 },
    call: (fx) => ({ path: `/api/cases/${fx.caseId}/assign`, body: { staffId: ids.own } }),
  },
  'GET /api/cases/{id}/assignments': {
    expect: CONTENT,
    call: (fx) => ({ path: `/api/cases/${fx.caseId}/assignments` }),
  },
  'GET /api/cases/{id}/assignment-suggestions': {
    expect: CONTENT,
    call: (fx) => ({ path: `/api/cases/${fx.caseId}/assignment-suggestions` }),
  },
  // Staff names of the case's team, to name as owner or invite: whoever sees the case (no citizen data, no row).
  'GET /api/cases/{id}/colleagues': {
    expect: CONTENT,
    call: (fx) => ({ path: `/api/cases/${fx.caseId}/colleagues` }),
  },
  // A team's caseload: its managers only (other roles 403; another team's manager 404, see caseload.test.ts).
  'GET /api/caseload': {
    expect: MANAGER_ONLY,
    call: () => ({ path: `/api/caseload?teamId=${staff.own.teams[0].id}` }),
  },
  'GET /api/caseload/figures': {
    expect: MANAGER_ONLY,
    call: () => ({ path: `/api/caseload/figures?teamId=${staff.own.teams[0].id}` }),
  },
  // The dashboard's and the queue page's tables as CSV: the same rule, refused (never an empty file) for other roles.
  'GET /api/caseload/load.csv': {
    expect: { ...MANAGER_ONLY, health: 403, noConsent: 403 },
    call: () => ({ path: `/api/caseload/load.csv?teamId=${staff.own.teams[0].id}` }),
  },
  'GET /api/caseload/overrides.csv': {
    expect: { ...MANAGER_ONLY, health: 403, noConsent: 403 },
    call: () => ({ path: `/api/caseload/overrides.csv?teamId=${staff.own.teams[0].id}` }),
  },
  'GET /api/caseload/queue.csv': {
    expect: { ...MANAGER_ONLY, health: 403, noConsent: 403 },
    call: () => ({ path: `/api/caseload/queue.csv?teamId=${staff.own.teams[0].id}` }),
  },
  'GET /api/caseload/days-over-ceiling.csv': {
    expect: { ...MANAGER_ONLY, health: 403, noConsent: 403 },
    call: () => ({ path: `/api/caseload/days-over-ceiling.csv?teamId=${staff.own.teams[0].id}` }),
  },
  'PUT /api/caseload/teams/{teamId}': {
    expect: MANAGER_ONLY,
    call: () => ({
      path: `/api/caseload/teams/${staff.own.teams[0].id}`,
      body: { targetGroupId: null, ceiling: null },
    }),
  },
  'PUT /api/caseload/ceilings/{staffId}': {
    expect: MANAGER_ONLY,
    call: () => ({ path: `/api/caseload/ceilings/${ids.own}`, body: { ceiling: null } }),
  },
  // Moving cases from the dashboard: managers of the cases' team (another team's manager 404, see
  // caseload-moves.test.ts); the fixture's responsible keeps it (no change, still logged as an assignment).
  'POST /api/caseload/moves': {
    expect: MANAGER_ONLY,
    call: (fx) => ({ path: '/api/caseload/moves', body: { caseIds: [fx.caseId], staffId: ids.own } }),
  },
  'GET /api/caseload/move-suggestions': {
    expect: MANAGER_ONLY,
    call: (fx) => ({ path: `/api/caseload/move-suggestions?caseIds=${fx.caseId}` }),
  },
  // The unit's default weights per benefit: any manager (the setting is unit-wide), audited without a citizen.
  'GET /api/caseload/benefit-weights': {
    expect: MANAGER_ONLY,
    call: () => ({ path: '/api/caseload/benefit-weights' }),
  },
  'PUT /api/caseload/benefit-weights': {
    expect: MANAGER_ONLY,
    // The weight it has: other test files creating cases meanwhile see no change.
    call: async () => {
      const rows = await ds.query<{ weight: string }[]>(
        `SELECT weight FROM benefit_weight WHERE benefit = 'fleksjob_visitation'`,
      );
      const weight = rows.length ? Number(rows[0].weight) : 1;
      return { path: '/api/caseload/benefit-weights', body: { weights: [{ benefit: 'fleksjob_visitation', weight }] } };
    },
  },
  'PUT /api/cases/{id}/members': {
    expect: CONTENT,
    call: (fx) => ({
      path: `/api/cases/${fx.caseId}/members`,
      body: { staffId: ids.health, role: 'sundhedskoordinator' },
    }),
  },
  // Each caller removes a member added just before (the health colleague of the case's team).
  'DELETE /api/cases/{id}/members/{staffId}': {
    expect: { own: 204, otherTeam: 404, manager: 204, admin: 404, health: 204 },
    call: async (fx) => {
      await ds.query(
        `INSERT INTO case_member (case_id, staff_id, role) VALUES ($1, $2, 'mentor') ON CONFLICT DO NOTHING`,
        [fx.caseId, ids.noConsent],
      );
      return { path: `/api/cases/${fx.caseId}/members/${ids.noConsent}` };
    },
  },
  'GET /api/cases/{id}/plan': { expect: CONTENT, call: (fx) => ({ path: `/api/cases/${fx.caseId}/plan` }) },
  'PUT /api/cases/{id}/plan': {
    expect: CONTENT,
    call: async (fx) => {
      const [{ version }] = await ds.query<{ version: number }[]>(`SELECT version FROM plan WHERE case_id = $1`, [
        fx.caseId,
      ]);
      return {
        path: `/api/cases/${fx.caseId}/plan`,
        body: { jobGoal: 'Lager' },
        headers: { 'if-match': `"${version}"` },
      };
    },
  },
  'POST /api/cases/{id}/plan/review': {
    expect: CONTENT,
    call: (fx) => ({ path: `/api/cases/${fx.caseId}/plan/review`, body: { workCapacityAssessed: false } }),
  },
  'POST /api/cases/{id}/plan/efforts': {
    expect: CREATED,
    call: (fx) => ({
      path: `/api/cases/${fx.caseId}/plan/efforts`,
      body: { type: 'jobsoegning', title: 'Jobsøgning', discipline: 'employment' },
    }),
  },
  'POST /api/cases/{id}/plan/efforts#health': {
    // Entering health data one could not see afterwards is refused up front.
    expect: { health: 201, noConsent: 403, manager: 403, otherTeam: 404, admin: 404 },
    call: (fx) => ({
      path: `/api/cases/${fx.caseId}/plan/efforts`,
      body: { type: 'genoptraening', title: 'Genoptræning', discipline: 'health' },
    }),
  },
  'PATCH /api/cases/{id}/plan/efforts/{effortId}': {
    expect: CONTENT,
    call: (fx) => ({
      path: `/api/cases/${fx.caseId}/plan/efforts/${fx.effortId}`,
      body: { title: 'Mentor i praktik' },
    }),
  },
  'PATCH /api/cases/{id}/plan/efforts/{effortId}#health': {
    expect: { health: 200, noConsent: 404, own: 404, manager: 404, otherTeam: 404, admin: 404 },
    call: (fx) => ({ path: `/api/cases/${fx.caseId}/plan/efforts/${fx.healthEffortId}`, body: {} }),
  },
  'GET /api/cases/{id}/plan/history': {
    expect: CONTENT,
    call: (fx) => ({ path: `/api/cases/${fx.caseId}/plan/history` }),
  },
  'GET /api/cases/{id}/requests': { expect: CONTENT, call: (fx) => ({ path: `/api/cases/${fx.caseId}/requests` }) },
  'POST /api/cases/{id}/requests': {
    expect: CREATED,
    call: (fx) => ({
      path: `/api/cases/${fx.caseId}/requests`,
      body: { kind: 'conversation', description: 'Samtale' },
    }),
  },
  'POST /api/cases/{id}/requests/{requestId}/decision': {
    expect: CONTENT,
    call: async (fx) => {
      const r = await staff.own.api.requests.create(fx.caseId, { kind: 'effort', description: 'IPS' });
      return {
        path: `/api/cases/${fx.caseId}/requests/${r.id}/decision`,
        body: { decision: 'granted', reason: 'Bevilget efter samtale' },
      };
    },
  },
  'GET /api/cases/{id}/exemptions': { expect: CONTENT, call: (fx) => ({ path: `/api/cases/${fx.caseId}/exemptions` }) },
  'POST /api/cases/{id}/exemptions': {
    expect: CREATED,
    call: (fx) => ({
      path: `/api/cases/${fx.caseId}/exemptions`,
      body: { startDate: '2027-01-01', endDate: '2027-03-01', reason: 'Sygdom' },
    }),
  },
  'GET /api/cases/{id}/indicators': { expect: CONTENT, call: (fx) => ({ path: `/api/cases/${fx.caseId}/indicators` }) },
  'POST /api/cases/{id}/indicators': {
    expect: CREATED,
    call: (fx) => ({
      path: `/api/cases/${fx.caseId}/indicators`,
      body: { ratedBy: 'citizen', scores: { job_belief: 6 } },
    }),
  },
  'POST /api/cases/{id}/indicators#health': {
    expect: { health: 201, noConsent: 403, manager: 403, otherTeam: 404, admin: 404 },
    call: (fx) => ({
      path: `/api/cases/${fx.caseId}/indicators`,
      body: { ratedBy: 'caseworker', scores: { health_mastery: 4 } },
    }),
  },
  'POST /api/meetings/{id}/participants/{participantId}/link': {
    expect: CREATED,
    call: async (fx) => ({ path: await linkOf(fx), body: {} }),
  },
  'DELETE /api/meetings/{id}/participants/{participantId}/link': {
    expect: { own: 204, otherTeam: 404, manager: 204, admin: 404 },
    call: async (fx) => ({ path: await linkOf(fx) }),
  },
  'GET /api/cases/{id}/health-statements': {
    // Everyone who sees the case gets the list; health content in it follows the health rule (guest-links.test.ts).
    expect: { ...CONTENT, health: 200, noConsent: 200 },
    call: (fx) => ({ path: `/api/cases/${fx.caseId}/health-statements` }),
  },
  'GET /api/cases/{id}/own-assessments': {
    expect: { ...CONTENT, health: 200, noConsent: 200 },
    call: (fx) => ({ path: `/api/cases/${fx.caseId}/own-assessments` }),
  },
  'GET /api/guest/{token}': {
    expect: ALL(200),
    call: async (fx) => ({ path: `/api/guest/${await guestToken(fx, 'doctor')}` }),
  },
  'GET /api/guest/{token}#revoked': {
    expect: ALL(404),
    call: async (fx) => {
      const { id: participantId, token } = await linkedGuest(t, staff.own, fx.meetingId, 'doctor');
      const revoke = await staff.own.api.wire('delete', '/api/meetings/{id}/participants/{participantId}/link', {
        params: { id: fx.meetingId, participantId },
      });
      expect(revoke.status).toBe(204);
      return { path: `/api/guest/${token}` };
    },
  },
  'POST /api/guest/{token}/choose': {
    expect: ALL(200),
    call: async (fx) => {
      const m = await proposedMeeting(fx);
      return { path: `/api/guest/${await guestToken(fx, 'doctor', m.id)}/choose`, body: { start: m.start } };
    },
  },
  'POST /api/guest/{token}/choose#citizen': {
    expect: ALL(403),
    call: async (fx) => {
      const m = await proposedMeeting(fx);
      return { path: `/api/guest/${await guestToken(fx, 'citizen', m.id)}/choose`, body: { start: m.start } };
    },
  },
  'POST /api/guest/{token}/response': {
    expect: ALL(200),
    call: async (fx) => ({
      path: `/api/guest/${await guestToken(fx, 'guest')}/response`,
      body: { response: 'accepted' },
    }),
  },
  'POST /api/guest/{token}/health-statement': {
    expect: ALL(201),
    call: async (fx) => ({
      path: `/api/guest/${await guestToken(fx, 'doctor')}/health-statement`,
      body: { workCapacity: 'unclear', assessment: 'Afklares', recommendations: 'Udredning' },
    }),
  },
  'POST /api/guest/{token}/health-statement#guest': {
    expect: ALL(403),
    call: async (fx) => ({
      path: `/api/guest/${await guestToken(fx, 'guest')}/health-statement`,
      body: { workCapacity: 'unclear', assessment: 'Afklares', recommendations: 'Udredning' },
    }),
  },
  'POST /api/guest/{token}/own-assessment': {
    expect: ALL(201),
    call: async (fx) => ({
      path: `/api/guest/${await guestToken(fx, 'citizen')}/own-assessment`,
      body: { text: 'Bedre end sidst', wellbeing: 5 },
    }),
  },
  'POST /api/guest/{token}/own-assessment#doctor': {
    expect: ALL(403),
    call: async (fx) => ({
      path: `/api/guest/${await guestToken(fx, 'doctor')}/own-assessment`,
      body: { text: 'Bedre end sidst' },
    }),
  },
  'GET /api/guest/{token}/access-log': {
    expect: ALL(200),
    call: async (fx) => ({ path: `/api/guest/${await mailedCitizenToken(fx)}/access-log` }),
  },
  'GET /api/guest/{token}/access-log#copied': {
    // Shown to the own caseworker, who reads no access logs: the link opens no more (GUEST_LINK_LIMITED).
    expect: ALL(403),
    call: async (fx) => ({ path: `/api/guest/${await guestToken(fx, 'citizen')}/access-log` }),
  },
  // The notes through a link: the doctor and the citizen; another guest only where shared (meeting-notes.test.ts).
  'GET /api/guest/{token}/notes': {
    expect: ALL(200),
    call: async (fx) => ({ path: `/api/guest/${await guestToken(fx, 'doctor')}/notes` }),
  },
  'GET /api/guest/{token}/notes#employer': {
    expect: ALL(404),
    call: async (fx) => ({ path: `/api/guest/${await guestToken(fx, 'guest')}/notes` }),
  },
  'GET /api/guest/{token}/access-log#doctor': {
    expect: ALL(403),
    call: async (fx) => ({ path: `/api/guest/${await guestToken(fx, 'doctor')}/access-log` }),
  },
  // The one-time e-mail code is off here (GUEST_EMAIL_CODE unset): its routes open nothing (guest-code.test.ts).
  'POST /api/guest/{token}/code#off': {
    expect: ALL(404),
    call: async (fx) => ({ path: `/api/guest/${await guestToken(fx, 'doctor')}/code`, body: {} }),
  },
  'POST /api/guest/{token}/verify#off': {
    expect: ALL(404),
    call: async (fx) => ({ path: `/api/guest/${await guestToken(fx, 'doctor')}/verify`, body: { code: '123456' } }),
  },
  'GET /api/worklist': {
    expect: ALL_200,
    // An overdue request puts the fixture's case on the first page, ahead of the other fixtures' deadlines.
    call: async (fx) => {
      await overdueOnce(fx.caseId);
      return { path: '/api/worklist?scope=team' };
    },
    lists: (body, fx) => hasItem((i) => i.caseId === fx.caseId)(body),
  },
  'POST /api/meetings': {
    expect: CREATED,
    call: (fx) => ({ path: '/api/meetings', body: { caseId: fx.caseId, ...freeHour(), participants: [] } }),
  },
  'GET /api/meetings#case': {
    expect: CONTENT,
    call: (fx) => ({ path: `/api/meetings?caseId=${fx.caseId}` }),
    lists: (body, fx) => hasItem((i) => i.id === fx.meetingId)(body),
  },
  'PATCH /api/meetings/{id}': {
    expect: CONTENT,
    call: (fx) => ({ path: `/api/meetings/${fx.meetingId}`, body: { location: 'Jobcentret' } }),
  },
  'PATCH /api/meetings/{id}#participantOfOtherTeam': {
    // Taking part from another team reads the meeting, but does not manage it (canManage false).
    expect: CONTENT,
    call: async (fx) => {
      await otherTeamTakesPart(fx);
      return { path: `/api/meetings/${fx.meetingId}`, body: { location: 'Jobcentret' } };
    },
  },
  'GET /api/meetings/{id}#participantOfOtherTeam': {
    expect: { ...CONTENT, otherTeam: 200 },
    call: async (fx) => {
      await otherTeamTakesPart(fx);
      return { path: `/api/meetings/${fx.meetingId}` };
    },
  },
  'POST /api/meetings/{id}/response': {
    // Staff participants answer their own invitation, also from another team; others of the case do not take part.
    expect: { own: 200, otherTeam: 200, manager: 404, admin: 404 },
    call: async (fx) => {
      await otherTeamTakesPart(fx);
      return { path: `/api/meetings/${fx.meetingId}/response`, body: { response: 'accepted' } };
    },
  },
  'POST /api/meetings/{id}/participants/{participantId}/link#participantOfOtherTeam': {
    expect: CREATED,
    call: async (fx) => {
      await otherTeamTakesPart(fx);
      return { path: await linkOf(fx), body: {} };
    },
  },
  // The shared notes: staff who may read the meeting; another guest only where shared (meeting-notes.test.ts).
  'PUT /api/meetings/{id}/participants/{participantId}/notes-sharing': {
    expect: CONTENT,
    call: async (fx) => ({
      path: `/api/meetings/${fx.meetingId}/participants/${(await addGuestParticipant(t, fx.meetingId, 'guest')).id}/notes-sharing`,
      body: { shared: true },
    }),
  },
  'GET /api/meetings/{id}/notes': {
    expect: CONTENT,
    call: (fx) => ({ path: `/api/meetings/${fx.meetingId}/notes` }),
  },
  'GET /api/meetings/{id}/notes/history': {
    expect: CONTENT,
    call: (fx) => ({ path: `/api/meetings/${fx.meetingId}/notes/history` }),
  },
  'POST /api/meetings/{id}/notes/restore': {
    expect: CONTENT,
    call: async (fx) => {
      const [{ seq }] = await ds.query<{ seq: string }[]>(
        `INSERT INTO meeting_notes_update (meeting_id, author_kind, author_name, update)
         VALUES ($1, 'system', 'Tværs', $2) RETURNING seq`,
        [fx.meetingId, Buffer.from(notesUpdate('Referat'), 'base64')],
      );
      await ds.query(
        `INSERT INTO meeting_notes (meeting_id, state, head_seq) VALUES ($1, '\\x'::bytea, $2)
         ON CONFLICT (meeting_id) DO UPDATE SET head_seq = $2`,
        [fx.meetingId, seq],
      );
      return { path: `/api/meetings/${fx.meetingId}/notes/restore`, body: { seq: Number(seq) } };
    },
  },
  'POST /api/meetings/{id}/outcome': {
    // The meeting's staff or the case's responsible: a teammate who took no part may not close it.
    expect: { own: 200, otherTeam: 404, manager: 403, admin: 404, health: 403 },
    call: async (fx) => ({
      path: `/api/meetings/${(await startedMeeting(fx)).id}/outcome`,
      body: { summary: 'Afholdt', decisions: [{ text: 'Ny samtale' }] },
    }),
  },
  'POST /api/meetings/{id}/outcome#effort': {
    expect: { own: 200, otherTeam: 404, manager: 403, admin: 404 },
    call: async (fx) => ({
      path: `/api/meetings/${(await startedMeeting(fx)).id}/outcome`,
      body: {
        summary: 'Afholdt',
        decisions: [{ text: 'Mentor', effort: { change: { effortId: fx.effortId, title: 'Mentor i praktik' } } }],
      },
    }),
  },
  'GET /api/meetings/doctor-participation.csv': {
    // Caseworkers and managers, of their teams' cases; other roles are refused (not handed an empty file).
    expect: { ...ALL_200, health: 403, admin: 403 },
    call: async (fx) => {
      const m = await startedMeeting(fx, 'Læge Matrix');
      await ds.query(`UPDATE meeting SET status = 'held' WHERE id = $1`, [m.id]);
      const day = (ms: number) => localDate(new Date(ms));
      return {
        path: `/api/meetings/doctor-participation.csv?from=${day(Date.now() - 7 * 86_400_000)}&to=${day(Date.now() + 86_400_000)}`,
      };
    },
    lists: (body, fx) => typeof body === 'string' && body.includes(fx.caseId),
  },
  'GET /api/availability': {
    // Staff data only; an administrator has no colleagues' calendars.
    expect: { own: 200, otherTeam: 404, manager: 200, admin: 404 },
    call: () => ({ path: `/api/availability?staffIds=${ids.own}&${week()}&durationMinutes=30` }),
  },
  'GET /api/availability/busy': {
    // Times only, of a colleague's calendar; an administrator has no colleagues' calendars.
    expect: { own: 200, otherTeam: 404, manager: 200, admin: 404 },
    call: () => ({ path: `/api/availability/busy?staffIds=${ids.own}&${week()}` }),
  },
  'GET /api/outbox': {
    // Only the caller's own kept mails: never another's, whoever asks.
    expect: ALL_200,
    call: () => ({ path: '/api/outbox' }),
  },
  'GET /api/staff/{id}/working-hours': {
    expect: { own: 200, otherTeam: 404, manager: 200, admin: 404, health: 403 },
    call: () => ({ path: `/api/staff/${ids.own}/working-hours` }),
  },
  'PUT /api/staff/{id}/working-hours': {
    expect: { own: 200, otherTeam: 404, manager: 200, admin: 404, health: 403 },
    call: () => ({ path: `/api/staff/${ids.own}/working-hours`, body: { hours: [] } }),
  },
  'POST /api/staff/{id}/absences': {
    expect: { own: 201, otherTeam: 404, manager: 201, admin: 404, health: 403 },
    call: () => ({ path: `/api/staff/${ids.own}/absences`, body: freeHour() }),
  },
  'DELETE /api/staff/{id}/absences/{absenceId}': {
    expect: { own: 204, otherTeam: 404, manager: 204, admin: 404, health: 403 },
    call: async () => {
      const a = await staff.own.api.staff.addAbsence(ids.own, freeHour());
      return { path: `/api/staff/${ids.own}/absences/${a.id}` };
    },
  },
  // Staff administration: administrators only, whatever the team; nothing of a citizen.
  'GET /api/admin/staff': { expect: { ...ADMIN_ONLY, admin: 200 }, call: () => ({ path: '/api/admin/staff' }) },
  'POST /api/admin/staff': {
    expect: { ...ADMIN_ONLY, admin: 201 },
    call: () => ({
      path: '/api/admin/staff',
      body: {
        email: `matrix-${randomUUID()}@test.tvaers.dk`,
        name: 'Matrix Person',
        roles: ['caseworker'],
        discipline: 'social',
      },
    }),
  },
  'PATCH /api/admin/staff/{id}': {
    expect: { ...ADMIN_ONLY, admin: 200 },
    call: async () => ({ path: `/api/admin/staff/${(await createStaff(t)).id}`, body: { name: 'Matrix Navn' } }),
  },
  'POST /api/admin/staff/{id}/password-reset': {
    expect: { ...ADMIN_ONLY, admin: 201 },
    call: async () => ({ path: `/api/admin/staff/${(await createStaff(t)).id}/password-reset`, body: {} }),
  },
  'GET /api/admin/teams': { expect: { ...ADMIN_ONLY, admin: 200 }, call: () => ({ path: '/api/admin/teams' }) },
  'POST /api/admin/teams': {
    expect: { ...ADMIN_ONLY, admin: 201 },
    call: () => ({ path: '/api/admin/teams', body: { name: `Matrix team ${randomUUID()}` } }),
  },
  // The link is the right, whoever's cookie comes along.
  'POST /api/auth/set-password': {
    expect: ALL(204),
    call: async () => {
      const link = await staff.admin.api.admin.passwordReset((await createStaff(t)).id);
      return {
        path: '/api/auth/set-password',
        body: { token: link.path!.split('/').pop(), password: 'matrix-adgangskode' },
      };
    },
  },
};

/** An hour of its own, years ahead, so planned meetings never clash with each other. */
let hours = 0;
const freeHour = () => {
  const start = Date.UTC(2030, 0, 1) + (hours += 2) * 3_600_000;
  return { start: new Date(start).toISOString(), end: new Date(start + 3_600_000).toISOString() };
};

const overdue = new Set<string>();
async function overdueOnce(caseId: string): Promise<void> {
  if (overdue.has(caseId)) return;
  overdue.add(caseId);
  const receivedAt = new Date(Date.now() - 30 * 86400_000).toISOString();
  await staff.own.api.requests.create(caseId, { kind: 'conversation', description: 'Samtale', receivedAt });
}

const newCitizen = () => ({ cpr: uniqueCpr(), name: 'Matrix Borger', benefit: 'kontanthjaelp' });

const operations = (): string[] => {
  const doc = JSON.parse(fs.readFileSync(openApiPath, 'utf8')) as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(doc.paths)
    .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
    .filter((op) => !op.startsWith('GET /api/docs'));
};

it('has an entry for every route of docs/openapi.json, and no entry without a route', () => {
  const documented = operations().sort();
  const covered = [...new Set(Object.keys(MATRIX).map((k) => k.split('#')[0]))].sort();
  expect(covered).toEqual(documented);
});

describe.each(Object.entries(MATRIX))('%s', (op, entry) => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await fixture();
  });
  // Callers that are refused go first, so the fixture is unchanged when they ask.
  const order: Who[] = ['otherTeam', 'admin', 'noConsent', 'manager', 'health', 'own'];
  const callers = order.filter((w) => entry.expect[w] !== undefined);
  it.each(callers)('as %s', async (who) => {
    const res = await send(op, await entry.call(fx, who), who);
    const body = res.body as { code?: string } | undefined;
    expect({ who, status: res.status, code: body?.code }).toEqual(
      expect.objectContaining({ who, status: entry.expect[who] }),
    );
    if (entry.lists && res.status === 200 && who in VISIBLE_LIST) {
      const listed = entry.lists(res.body, fx);
      expect({ who, listed }).toEqual({ who, listed: VISIBLE_LIST[who as 'own'] });
    }
  });
});

/** A Yjs update typing `text` into a new document's notes. */
const notesUpdate = (text: string) => {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, text);
  return Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
};

describe('socket events', () => {
  const events = (): string[] => {
    const proto = RealtimeGateway.prototype as unknown as Record<string, unknown>;
    return Object.getOwnPropertyNames(proto)
      .map((name) => Object.getOwnPropertyDescriptor(proto, name)?.value as unknown)
      .filter((fn): fn is object => typeof fn === 'function')
      .map((fn) => Reflect.getMetadata(MESSAGE_METADATA, fn) as string | undefined)
      .filter((e): e is string => typeof e === 'string')
      .sort();
  };
  interface SocketEntry {
    payload: (fx: Fixture) => object;
    /** Asked from inside the meeting's room (joined first, where the caller may). */
    inMeetingRoom?: true;
    /** The acknowledgement per caller; undefined: the event answers nothing. */
    expect: Partial<Record<Who, unknown>>;
  }
  const plan = (fx: Fixture) => ({ caseId: fx.caseId });
  const meeting = (fx: Fixture) => ({ meetingId: fx.meetingId });
  const notes = { ok: true, update: expect.any(String) as unknown, text: expect.any(String) as unknown };
  const notFound = { ok: false, code: 'NOT_FOUND' };
  /** `ack` for the fixture's team (and the callers in `more`); another team and an administrator: not found. */
  const teamOnly = (ack: unknown, more: Partial<Record<Who, unknown>> = {}) => ({
    own: ack,
    manager: ack,
    ...more,
    otherTeam: notFound,
    admin: notFound,
  });
  const SOCKET: Record<string, SocketEntry> = {
    'plan:join': { payload: plan, expect: teamOnly({ ok: true }) },
    // Leaving needs no rights and answers nothing.
    'plan:leave': { payload: plan, expect: { own: undefined, otherTeam: undefined } },
    'meeting:join': { payload: meeting, expect: teamOnly({ ok: true }, { health: { ok: true } }) },
    'meeting:leave': { payload: meeting, expect: { own: undefined, otherTeam: undefined } },
    'meeting:notes': {
      payload: (fx) => ({ meetingId: fx.meetingId, update: notesUpdate('Referat') }),
      inMeetingRoom: true,
      expect: teamOnly(notes),
    },
    'meeting:notes:sync': { payload: meeting, inMeetingRoom: true, expect: teamOnly(notes) },
  };

  it('has an entry for every event the gateway handles', () => {
    expect(Object.keys(SOCKET).sort()).toEqual(events());
  });

  it.each(Object.entries(SOCKET))('%s', async (event, entry) => {
    const fx = await fixture();
    for (const [who, ack] of Object.entries(entry.expect) as [Who, unknown][]) {
      const s = await t.connect({ cookie: cookie[who] });
      try {
        if (entry.inMeetingRoom) await s.timeout(5000).emitWithAck('meeting:join', { meetingId: fx.meetingId });
        if (ack === undefined) {
          s.emit(event as 'plan:leave', entry.payload(fx));
          expect(s.connected).toBe(true);
        } else {
          const got: unknown = await s.timeout(5000).emitWithAck(event as 'plan:join', entry.payload(fx));
          expect({ who, ack: got }).toEqual({ who, ack });
        }
      } finally {
        s.close();
      }
    }
  });
});

describe('audit by construction', () => {
  /** Routes that show or change nothing of the fixture's citizen. */
  const NONE = new Set([
    'GET /api/health',
    'POST /api/auth/login',
    'POST /api/auth/logout',
    'GET /api/auth/config',
    'GET /api/auth/oidc/login',
    'GET /api/auth/oidc/callback',
    'GET /api/me',
    'GET /api/auth/sessions',
    'DELETE /api/auth/sessions/{id}',
    'POST /api/auth/sessions/logout-all',
    'POST /api/citizens',
    'POST /api/cases',
    'GET /api/availability',
    'GET /api/availability/busy',
    'GET /api/outbox',
    'GET /api/staff/{id}/working-hours',
    'PUT /api/staff/{id}/working-hours',
    'POST /api/staff/{id}/absences',
    'DELETE /api/staff/{id}/absences/{absenceId}',
    'GET /api/admin/staff',
    'POST /api/admin/staff',
    'PATCH /api/admin/staff/{id}',
    'POST /api/admin/staff/{id}/password-reset',
    'GET /api/admin/teams',
    'POST /api/admin/teams',
    'POST /api/auth/set-password',
    'GET /api/cases/{id}/assignment-suggestions',
    'GET /api/cases/{id}/colleagues',
    'GET /api/caseload',
    'GET /api/caseload/figures',
    // The fixture's case is not queued: no citizen of its in these files.
    'GET /api/caseload/load.csv',
    'GET /api/caseload/overrides.csv',
    'GET /api/caseload/queue.csv',
    'GET /api/caseload/days-over-ceiling.csv',
    'PUT /api/caseload/ceilings/{staffId}',
    'PUT /api/caseload/teams/{teamId}',
    'GET /api/caseload/move-suggestions',
    'GET /api/caseload/benefit-weights',
    'PUT /api/caseload/benefit-weights',
  ]);
  const rows = (citizenId: string) => auditCount(ds, { citizenId });

  it.each(Object.entries(MATRIX).filter(([op]) => !op.includes('#')))(
    '%s writes exactly one access-log row for the citizen (none where nothing of theirs is shown)',
    async (op, entry) => {
      const fx = await fixture();
      const who: Who =
        op.includes('access-log') || op.includes('/export') || op.includes('outcomes') || op.includes('/api/caseload')
          ? 'manager'
          : op.includes(' /api/admin/')
            ? 'admin'
            : 'own';
      const call = await entry.call(fx, who);
      const before = await rows(fx.citizenId);
      const res = await send(op, call, who);
      expect(res.status).toBeLessThan(400);
      expect(await rows(fx.citizenId)).toBe(before + (NONE.has(op) ? 0 : 1));
    },
  );
});

describe('a guest (one participant of one meeting, ready for guest links)', () => {
  const guestOf = (kind: GuestKind, fx: { meetingId: string }, participantId: string): GuestActor => ({
    kind: 'guest',
    participantId,
    meetingId: fx.meetingId,
    participantKind: kind,
    name: 'Læge Jensen',
    copiedBy: null,
    audit: newRequestAudit(),
  });

  it('is granted its own meeting and nothing else', async () => {
    const access = t.app.get(AccessService);
    const fx = await fixture();
    const other = await fixture();
    const [participant] = await ds.query<{ id: string }[]>(
      `INSERT INTO meeting_participant (meeting_id, kind, name) VALUES ($1, 'doctor', 'Læge Jensen') RETURNING id`,
      [fx.meetingId],
    );
    const guest = guestOf('doctor', fx, participant.id);
    const grant = await access.require(guest, Permission.GuestRead, fx.meetingId);
    expect(grant.citizenId).toBe(fx.citizenId);
    const [row] = await ds.query<{ actor_kind: string; actor_id: string; action: string }[]>(
      `SELECT actor_kind, actor_id, action FROM audit_entry WHERE citizen_id = $1 ORDER BY id DESC LIMIT 1`,
      [fx.citizenId],
    );
    expect(row).toEqual({ actor_kind: 'guest', actor_id: participant.id, action: 'meeting.read' });
    for (const [permission, target] of [
      [Permission.GuestRead, other.meetingId],
      [Permission.MeetingRead, fx.meetingId],
      [Permission.CitizenRead, fx.citizenId],
      [Permission.PlanRead, fx.caseId],
    ] as const) {
      await expect(access.require({ ...guest, audit: newRequestAudit() }, permission, target)).rejects.toMatchObject({
        status: 404,
      });
    }
  });

  /** Each guest kind's permissions, as the rule table must hold them (docs/api.md "Guest links"). */
  const GUEST_RIGHTS: Partial<Record<Permission, GuestKind[]>> = {
    [Permission.GuestRead]: ['doctor', 'citizen', 'guest'],
    [Permission.GuestRespond]: ['doctor', 'citizen', 'guest'],
    [Permission.GuestChoose]: ['doctor'],
    [Permission.GuestHealthStatementWrite]: ['doctor'],
    [Permission.GuestOwnAssessmentWrite]: ['citizen'],
    [Permission.GuestAccessLogRead]: ['citizen'],
    // Other guests (employer, companion) only where the notes are shared with them.
    [Permission.GuestNotesRead]: ['doctor', 'citizen'],
    [Permission.GuestNotesWrite]: ['doctor', 'citizen'],
  };

  it('holds exactly the guest permissions of its kind, and no staff permission', () => {
    const granted = Object.entries(RULES).flatMap(([p, rule]) => (rule.guests ? [[p, rule.guests] as const] : []));
    expect(Object.fromEntries(granted)).toEqual(GUEST_RIGHTS);
    for (const rule of Object.values(RULES)) {
      // A guest permission names no staff role; a staff permission names no guest kind.
      if (rule.guests) expect(rule.roles).toEqual([]);
      else expect(rule.guests).toBeUndefined();
    }
  });

  it('is refused every staff permission and the guest permissions of other kinds, whatever its kind', async () => {
    const access = t.app.get(AccessService);
    const fx = await fixture();
    for (const kind of ['doctor', 'citizen', 'guest'] as const) {
      const [p] = await ds.query<{ id: string }[]>(
        `INSERT INTO meeting_participant (meeting_id, kind, name) VALUES ($1, $2, 'Gæst') RETURNING id`,
        [fx.meetingId, kind],
      );
      for (const [permission, rule] of Object.entries(RULES) as [Permission, (typeof RULES)[Permission]][]) {
        if (rule.mode !== 'read' && rule.mode !== 'check') continue;
        const asked = access.require(guestOf(kind, fx, p.id), permission, fx.meetingId);
        if (rule.guests?.includes(kind)) await expect(asked).resolves.toMatchObject({ citizenId: fx.citizenId });
        else await expect(asked).rejects.toMatchObject({ status: rule.guestRefuse ? 403 : 404 });
      }
    }
  });
});
