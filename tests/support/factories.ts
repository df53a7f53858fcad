// Test data with unique values per call, made through the API where it has a route and by SQL where it has none
// (staff and teams). A test that changes people gets its own staff in its own team, so no other test sees it.
import { randomInt, randomUUID } from 'node:crypto';
import type { Case, CreateCitizen, CreateEffort, Discipline, Role } from '@tvaers/contracts';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hashPassword } from '@tvaers/api/src/people/password';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './app';
import { type ApiClient, apiClient } from './client';

let seq = 0;
const next = () => (seq += 1);

/** A valid, unique CPR (1900s births, 7th digit 0-3) for this run. */
export function uniqueCpr(): string {
  const n = next();
  const day = String(1 + randomInt(28)).padStart(2, '0');
  const month = String(1 + randomInt(12)).padStart(2, '0');
  const year = String(50 + randomInt(49)).padStart(2, '0');
  return `${day}${month}${year}${randomInt(4)}${String((n * 37 + randomInt(1000)) % 1000).padStart(3, '0')}`;
}

/** Unique within the run and across parallel test files. */
const tag = () => `${next()}-${randomUUID().slice(0, 8)}`;

export interface Team {
  id: string;
  name: string;
}

/** `t`: a test app, or a service tier's application context. */
export async function createTeam(t: { app: Pick<INestApplicationContext, 'get'> }): Promise<Team> {
  const [team] = await t.app
    .get(DataSource)
    .query<Team[]>(`INSERT INTO team (municipality, name) VALUES ('Testkommune', $1) RETURNING id, name`, [
      `Testteam ${tag()}`,
    ]);
  return team;
}

/** The usual kinds of staff, as the demo data has them. */
const KINDS = {
  caseworker: { roles: ['caseworker'], discipline: 'employment' },
  social: { roles: ['caseworker'], discipline: 'social' },
  health: { roles: ['health'], discipline: 'health' },
  manager: { roles: ['manager'], discipline: 'employment' },
  admin: { roles: ['admin'], discipline: 'employment' },
} as const satisfies Record<string, { roles: Role[]; discipline: Discipline }>;

export interface StaffOptions {
  kind?: keyof typeof KINDS;
  /** Teams to join; by default a new team of their own. */
  teams?: Team[];
  /** Weighted-case ceiling; by default none. */
  ceiling?: number;
}

export interface Staff {
  id: string;
  email: string;
  name: string;
  discipline: Discipline;
  teams: Team[];
  /** A logged-in session of theirs. */
  cookie: string;
  api: ApiClient;
}

let passwordHash: Promise<string> | undefined;

/** A staff member nobody else uses, not logged in (password: the demo password); by SQL. */
export async function insertStaff(
  t: { app: Pick<INestApplicationContext, 'get'> },
  options: StaffOptions = {},
): Promise<Omit<Staff, 'cookie' | 'api'>> {
  const { roles, discipline } = KINDS[options.kind ?? 'caseworker'];
  const teams = options.teams ?? [await createTeam(t)];
  const id = tag();
  const email = `staff-${id}@test.tvaers.dk`;
  const name = `Test Medarbejder ${id}`;
  const ds = t.app.get(DataSource);
  const [row] = await ds.query<{ id: string }[]>(
    `INSERT INTO staff (email, name, password_hash, roles, discipline, caseload_ceiling)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [email, name, await (passwordHash ??= hashPassword(DEMO_PASSWORD)), roles, discipline, options.ceiling ?? null],
  );
  for (const team of teams) {
    await ds.query(`INSERT INTO team_member (staff_id, team_id) VALUES ($1, $2)`, [row.id, team.id]);
  }
  return { id: row.id, email, name, discipline, teams };
}

/** A staff member nobody else uses, logged in; their load, ceiling and sessions are the test's own. */
export async function createStaff(t: TestApp, options: StaffOptions = {}): Promise<Staff> {
  const staff = await insertStaff(t, options);
  const cookie = await t.login(staff.email);
  return { ...staff, cookie, api: apiClient(t, cookie) };
}

export async function createCitizen(t: Pick<TestApp, 'url'>, cookie: string, extra: Partial<CreateCitizen> = {}) {
  const cpr = uniqueCpr();
  const citizen = await apiClient(t, cookie).citizens.create({
    cpr,
    name: `Test Borger ${tag()}`,
    benefit: 'kontanthjaelp',
    benefitStart: '2026-01-15',
    ...extra,
  });
  return { ...citizen, cpr };
}

/** A new citizen's case in `team` (default: `by`'s first), given to `to` or, with null, queued; opened by `by`. */
export async function openCase(t: Pick<TestApp, 'url'>, by: Staff, to: Staff | null, weight = 1, team?: Team) {
  const citizen = await createCitizen(t, by.cookie);
  return by.api.cases.create({
    citizenId: citizen.id,
    ...(to ? { responsibleId: to.id } : {}),
    ...(team ? { teamId: team.id } : {}),
    weight,
  });
}

/** A new citizen's active case, with plan version 1. */
export async function createCase(t: Pick<TestApp, 'url'>, cookie: string, responsibleId: string, weight = 0.25) {
  const citizen = await createCitizen(t, cookie);
  const kase = await apiClient(t, cookie).cases.create({ citizenId: citizen.id, responsibleId, weight });
  return { citizen, kase };
}

export function createEffort(t: TestApp, cookie: string, caseId: string, extra: Partial<CreateEffort> = {}) {
  return apiClient(t, cookie).plan.addEffort(caseId, {
    type: 'mentor',
    title: `Mentor ${tag()}`,
    discipline: 'employment',
    ...extra,
  });
}

/** A scheduled meeting of a case tomorrow with one staff participant; by SQL, as there is no route to plan one yet. */
export interface MeetingOptions {
  /** A scheduled meeting's time (default: tomorrow, one hour); ignored when `proposals` are given. */
  start?: Date;
  end?: Date;
  /** A proposed meeting's times (2–5). */
  proposals?: { start: Date; end: Date }[];
  location?: string;
  videoUrl?: string;
  /** More participants besides `staff`: colleagues and a doctor (by name). */
  colleagues?: { id: string; name: string }[];
  doctor?: string;
}

/** A meeting by SQL (the API has no route to create one yet), with `staff` as its first participant. */
export async function createMeeting(
  t: TestApp,
  caseId: string,
  staff: { id: string; name: string },
  options: MeetingOptions = {},
) {
  const ds = t.app.get(DataSource);
  const proposed = options.proposals !== undefined;
  const title = `Rundbordsmøde ${tag()}`;
  const [meeting] = await ds.query<{ id: string }[]>(
    `INSERT INTO meeting (case_id, title, status, start_at, end_at, location, video_url, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      caseId,
      title,
      proposed ? 'proposed' : 'scheduled',
      proposed ? null : (options.start ?? new Date(Date.now() + 24 * 3600_000)),
      proposed ? null : (options.end ?? new Date((options.start?.getTime() ?? Date.now() + 24 * 3600_000) + 3600_000)),
      options.location ?? null,
      options.videoUrl ?? null,
      staff.id,
    ],
  );
  for (const proposal of options.proposals ?? []) {
    await ds.query(`INSERT INTO meeting_proposal (meeting_id, start_at, end_at) VALUES ($1, $2, $3)`, [
      meeting.id,
      proposal.start,
      proposal.end,
    ]);
  }
  for (const person of [staff, ...(options.colleagues ?? [])]) {
    await ds.query(`INSERT INTO meeting_participant (meeting_id, kind, staff_id, name) VALUES ($1, 'staff', $2, $3)`, [
      meeting.id,
      person.id,
      person.name,
    ]);
  }
  if (options.doctor) {
    await ds.query(`INSERT INTO meeting_participant (meeting_id, kind, name) VALUES ($1, 'doctor', $2)`, [
      meeting.id,
      options.doctor,
    ]);
  }
  return { id: meeting.id, title };
}

/** A new team with one member of each kind named, e.g. `createTeamOf(t, 'caseworker', 'health')`. */
export async function createTeamOf<K extends keyof typeof KINDS>(t: TestApp, ...kinds: K[]): Promise<Record<K, Staff>> {
  const teams = [await createTeam(t)];
  const members = await Promise.all(kinds.map((kind) => createStaff(t, { kind, teams })));
  return Object.fromEntries(kinds.map((kind, i) => [kind, members[i]])) as Record<K, Staff>;
}

/**
 * A test file's app and a caseworker of a team of their own (`api`: theirs), with a colleague in that team of each
 * kind named (`staffSuite({}, 'manager')`: `manager`), what most API test files start from: started before the
 * file's tests, closed after them. Read its fields inside tests and hooks registered after it (they are set when the
 * file starts). A file's own afterAll that still needs the app goes inside a describe: the suite's closes it first.
 */
export function staffSuite<K extends Exclude<keyof typeof KINDS, 'caseworker'> = never>(
  env: Record<string, string> = {},
  ...colleagues: K[]
) {
  const suite = {} as {
    t: TestApp;
    /** The app's database. */
    ds: DataSource;
    sw: Staff;
    api: ApiClient;
    newCase: () => Promise<Case>;
  } & Record<K, Staff>;
  beforeAll(async () => {
    suite.t = await startTestApp(env);
    suite.ds = suite.t.app.get(DataSource);
    suite.sw = await createStaff(suite.t);
    suite.api = suite.sw.api;
    suite.newCase = async () => (await createCase(suite.t, suite.sw.cookie, suite.sw.id)).kase;
    const byKind: Record<K, Staff> = suite;
    for (const kind of colleagues) byKind[kind] = await createStaff(suite.t, { kind, teams: suite.sw.teams });
  });
  afterAll(() => suite.t.close());
  return suite;
}

/** A participant without an account (doctor, citizen or other guest) of a meeting; by SQL. */
export async function addGuestParticipant(
  t: TestApp,
  meetingId: string,
  kind: 'doctor' | 'citizen' | 'guest',
  name = `${kind === 'doctor' ? 'Læge' : 'Gæst'} ${tag()}`,
): Promise<{ id: string; name: string }> {
  const [p] = await t.app
    .get(DataSource)
    .query<{ id: string }[]>(
      `INSERT INTO meeting_participant (meeting_id, kind, name) VALUES ($1, $2, $3) RETURNING id`,
      [meetingId, kind, name],
    );
  return { id: p.id, name };
}

/** Turns a meeting into a proposed one with these times (whole hours from now, one hour long); by SQL. */
export async function proposeTimes(
  t: TestApp,
  meetingId: string,
  hoursFromNow: number[],
): Promise<{ start: string; end: string }[]> {
  const ds = t.app.get(DataSource);
  await ds.query(`UPDATE meeting SET status = 'proposed', start_at = NULL, end_at = NULL WHERE id = $1`, [meetingId]);
  const base = Math.ceil(Date.now() / 3_600_000) * 3_600_000;
  const times = hoursFromNow.map((h) => ({
    start: new Date(base + h * 3_600_000).toISOString(),
    end: new Date(base + (h + 1) * 3_600_000).toISOString(),
  }));
  for (const p of times) {
    await ds.query(`INSERT INTO meeting_proposal (meeting_id, start_at, end_at) VALUES ($1, $2, $3)`, [
      meetingId,
      p.start,
      p.end,
    ]);
  }
  return times;
}

/** Issues a participant's guest link as `cookie`'s staff member; answers its token. */
export async function issueGuestLink(
  t: TestApp,
  cookie: string,
  meetingId: string,
  participantId: string,
): Promise<string> {
  const { url } = await apiClient(t, cookie).meetings.issueLink(meetingId, participantId);
  return url.split('/').pop()!;
}
