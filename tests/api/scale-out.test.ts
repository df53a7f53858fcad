// Scale-out: two API processes (the built server) on one PostgreSQL and one Redis, a
// socket.io client on each. What happens through process A reaches the client on B; a session made on A works
// on B; meeting presence and the shared notes span both; a due reminder is mailed once by two more processes
// that both work the job queue.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { type Caseload, MeetingNotes } from '@tvaers/contracts';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { DEMO_PASSWORD, freePort, startTestApp, type TestApp } from '../support/app';
import { apiClient, problem } from '../support/client';
import { createCase, createStaff, createTeam, type Staff } from '../support/factories';
import { type LinkedGuest, linkedGuest, meetingWithDoctorLink } from '../support/meeting-fixtures';
import { apiDir } from '../support/paths';
import { mailsTo, mailText, testSmtp } from '../support/smtp';
import { disconnected, meetingJobsSettled, nextEvent } from '../support/wait';

const main = path.join(apiDir, 'dist', 'main.js');
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether Redis answers a connection within a second (checked before the suite is declared, so it can skip). */
function redisReachable(url: string): boolean {
  const { hostname, port } = new URL(url);
  const probe = `require('node:net').connect(${Number(port || 6379)}, ${JSON.stringify(hostname)})
    .on('connect', () => process.exit(0)).on('error', () => process.exit(1)).setTimeout(1000, () => process.exit(1));`;
  return spawnSync(process.execPath, ['-e', probe], { timeout: 5000 }).status === 0;
}

const built = fs.existsSync(main);
const redis = built && redisReachable(REDIS_URL);
if (!built) console.warn(`scale-out test skipped: the API is not built (${main}); run npm run build`);
else if (!redis) console.warn(`scale-out test skipped: no Redis reachable at ${REDIS_URL} (TEST_REDIS_URL)`);

interface Process {
  name: string;
  url: string;
  login: (email: string) => Promise<string>;
  connect: (headers: Record<string, string>, auth?: { token: string }) => Promise<Socket>;
  stop: () => Promise<void>;
}

const sockets: Socket[] = [];

/**
 * The built server as `npm start` runs it, on the run's database, with Redis and SMTP. Job workers only where
 * asked for: the queue is the whole run's, and other files count the mails of their own jobs.
 */
async function startProcess(name: string, env: Record<string, string> = {}): Promise<Process> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const proc: ChildProcess = spawn(process.execPath, [main], {
    env: {
      ...inherited,
      NODE_ENV: 'test',
      DEMO_MODE: 'false',
      // The run's CPR key lives there; with DATABASE_URL nothing else of it is used.
      DATA_DIR: process.env.TEST_DATA_DIR,
      DATABASE_URL: process.env.TEST_DATABASE_URL,
      MIGRATION_DATABASE_URL: process.env.TEST_OWNER_DATABASE_URL,
      REDIS_URL,
      SMTP_URL: process.env.TEST_SMTP_URL,
      JOB_WORKERS: 'false',
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: 'pipe',
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  // The start banner comes once it listens.
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${out}`)), 90_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const found = /Tværs is running at (http:\/\/\S+)/.exec(out);
      if (found) {
        clearTimeout(timer);
        resolve(found[1].replace(/\/$/, ''));
      }
    };
    proc.stdout?.on('data', read);
    proc.stderr?.on('data', read);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}):\n${out}`));
    });
  });
  return {
    name,
    url,
    login: async (email) => (await apiClient({ url }).auth.login({ email, password: DEMO_PASSWORD })).cookie,
    connect: (headers, auth) =>
      new Promise<Socket>((resolve, reject) => {
        const s = io(url, {
          path: '/socket.io',
          transports: ['websocket'],
          reconnection: false,
          extraHeaders: headers,
          auth,
        });
        sockets.push(s);
        s.on('connect', () => resolve(s));
        s.on('connect_error', reject);
      }),
    stop: async () => {
      if (proc.exitCode !== null) return;
      proc.kill('SIGTERM');
      await exited;
    },
  };
}

/** A meeting's notes as one process answers them. */
async function notesOn(p: Process, cookie: string, meetingId: string): Promise<MeetingNotes> {
  const res = await apiClient(p, cookie).wire('get', '/api/meetings/{id}/notes', { params: { id: meetingId } });
  expect(res.status).toBe(200);
  return MeetingNotes.parse(res.body);
}

const ack = <T>(s: Socket, event: string, body: object) => s.timeout(10_000).emitWithAck(event, body) as Promise<T>;

/** The update one local edit of `doc` makes, base64 as the room carries it. */
function typed(doc: Y.Doc, text: string): string {
  let update: Uint8Array = new Uint8Array();
  doc.once('update', (u: Uint8Array) => (update = u));
  const notes = doc.getText('notes');
  notes.insert(notes.length, text);
  return Buffer.from(update).toString('base64');
}

(built && redis ? describe : describe.skip)('two API processes on one PostgreSQL and Redis', () => {
  let t: TestApp;
  let a: Process;
  let b: Process;
  let sw: Staff;
  beforeAll(async () => {
    // The in-process app only prepares data (staff, cases) by SQL; everything asserted goes through A and B.
    t = await startTestApp();
    [a, b] = await Promise.all([startProcess('A'), startProcess('B')]);
    sw = await createStaff(t);
  }, 180_000);
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await t?.close();
  }, 60_000);

  it('a session made on A works on B, over HTTP and socket.io; logging out on A closes its socket on B', async () => {
    const cookie = await a.login(sw.email);
    const me = await apiClient(b, cookie).auth.me();
    expect(me.id).toBe(sw.id);
    const onB = await b.connect({ cookie });
    const gone = disconnected(onB);
    await apiClient(a, cookie).auth.logout();
    expect(await gone).toBe('io server disconnect');
    expect((await problem(apiClient(b, cookie).auth.me())).status).toBe(401);
  });

  it('a plan changed through A is pushed to the viewer on B; a caseload change to the manager on B', async () => {
    const team = await createTeam(t);
    const worker = await createStaff(t, { teams: [team] });
    const manager = await createStaff(t, { kind: 'manager', teams: [team] });
    const { kase } = await createCase(t, worker.cookie, worker.id, 0.01);

    const viewer = await b.connect({ cookie: worker.cookie });
    expect(await ack(viewer, 'plan:join', { caseId: kase.id })).toEqual({ ok: true });
    const pushed = nextEvent<{ caseId: string; version: number }>(viewer, 'plan:updated', (p) => p.caseId === kase.id);
    await apiClient(a, worker.cookie).plan.addEffort(kase.id, {
      type: 'mentor',
      title: 'Mentor via A',
      discipline: 'employment',
    });
    expect((await pushed).version).toBeGreaterThan(1);

    const managerOnB = await b.connect({ cookie: manager.cookie });
    type Pushed = { teamId: string; rows: Caseload['rows'] };
    const caseload = nextEvent<Pushed>(managerOnB, 'caseload:updated', (p) =>
      p.rows.some((r) => r.staffId === worker.id && r.activeCases === 2),
    );
    await createCase(a, worker.cookie, worker.id, 0.01);
    expect((await caseload).teamId).toBe(team.id);
  });

  it("a change of someone's roles on A disconnects their socket on B at once (not at B's next revalidation)", async () => {
    const admin = await createStaff(t, { kind: 'admin' });
    const person = await createStaff(t);
    const onB = await b.connect({ cookie: person.cookie });
    // B re-checks on its own only every 30 s: a disconnect within 5 s is (almost always) A's word through Redis.
    const gone = disconnected(onB, 5_000);
    await apiClient(a, admin.cookie).admin.updateStaff(person.id, { roles: ['caseworker', 'health'] });
    expect(await gone).toBe('io server disconnect');
  });

  it('deactivating someone on A tells their socket on B why, then closes it', async () => {
    const admin = await createStaff(t, { kind: 'admin' });
    const person = await createStaff(t);
    const onB = await b.connect({ cookie: person.cookie });
    const ended = nextEvent<{ reason: string }>(onB, 'session:ended');
    const gone = disconnected(onB);
    await apiClient(a, admin.cookie).admin.updateStaff(person.id, { active: false });
    expect(await ended).toEqual({ reason: 'access-ended' });
    expect(await gone).toBe('io server disconnect');
  });

  describe('a meeting room with a member on each process', () => {
    let meetingId: string;
    let doctor: LinkedGuest;
    beforeAll(async () => {
      const room = await meetingWithDoctorLink(t, sw);
      [meetingId, doctor] = [room.meeting.id, room.doctor];
    });

    it('presence on A shows the staff member on A and the doctor on B; the doctor leaving on B shows on A', async () => {
      const staffOnA = await a.connect({ cookie: sw.cookie });
      const doctorOnB = await b.connect({}, { token: doctor.token });
      expect(await ack(staffOnA, 'meeting:join', { meetingId })).toEqual({ ok: true });
      type Presence = { meetingId: string; present: { staffId?: string; participantId?: string }[] };
      const both = nextEvent<Presence>(staffOnA, 'meeting:presence', (p) => p.present.length === 2);
      expect(await ack(doctorOnB, 'meeting:join', { meetingId })).toEqual({ ok: true });
      expect((await both).present).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ staffId: sw.id }),
          expect.objectContaining({ participantId: doctor.id }),
        ]),
      );
      const alone = nextEvent<Presence>(staffOnA, 'meeting:presence', (p) => p.present.length === 1);
      doctorOnB.close();
      expect((await alone).present).toEqual([expect.objectContaining({ staffId: sw.id })]);
    });

    it('notes written through A reach the doctor on B and a read on B; then B writes and A reads both', async () => {
      const staffOnA = await a.connect({ cookie: sw.cookie });
      const doctorOnB = await b.connect({}, { token: doctor.token });
      for (const s of [staffOnA, doctorOnB]) expect(await ack(s, 'meeting:join', { meetingId })).toEqual({ ok: true });
      // B reads first, so it holds the document in its memory before A writes.
      const before = await notesOn(b, sw.cookie, meetingId);
      expect(before.text).not.toContain('Fra A');

      const staffDoc = new Y.Doc();
      const synced = await ack<{ ok: true; update: string }>(staffOnA, 'meeting:notes:sync', { meetingId });
      Y.applyUpdate(staffDoc, Buffer.from(synced.update, 'base64'));
      const relayed = nextEvent<{ meetingId: string; text: string }>(doctorOnB, 'meeting:notes', (n) =>
        n.text.includes('Fra A.'),
      );
      expect(await ack(staffOnA, 'meeting:notes', { meetingId, update: typed(staffDoc, 'Fra A.') })).toMatchObject({
        ok: true,
      });
      expect((await relayed).meetingId).toBe(meetingId);
      expect((await notesOn(b, sw.cookie, meetingId)).text).toContain('Fra A.');

      // The doctor's client, synced on B, adds its line; B's document has caught up with A's write.
      const doctorDoc = new Y.Doc();
      const doctorSync = await ack<{ ok: true; update: string; text: string }>(doctorOnB, 'meeting:notes:sync', {
        meetingId,
      });
      expect(doctorSync.text).toContain('Fra A.');
      Y.applyUpdate(doctorDoc, Buffer.from(doctorSync.update, 'base64'));
      const back = nextEvent<{ text: string }>(staffOnA, 'meeting:notes', (n) => n.text.includes('Fra B.'));
      expect(await ack(doctorOnB, 'meeting:notes', { meetingId, update: typed(doctorDoc, ' Fra B.') })).toMatchObject({
        ok: true,
      });
      expect((await back).text).toBe(`${before.text}Fra A. Fra B.`);
      expect((await notesOn(a, sw.cookie, meetingId)).text).toBe(`${before.text}Fra A. Fra B.`);
    });

    it('sharing the notes through A lets a guest already in the room on B hear them', async () => {
      const employer = await linkedGuest(t, sw, meetingId, 'guest', `Arbejdsgiver ${meetingId.slice(0, 6)}`);
      const staffOnA = await a.connect({ cookie: sw.cookie });
      const employerOnB = await b.connect({}, { token: employer.token });
      for (const s of [staffOnA, employerOnB]) {
        expect(await ack(s, 'meeting:join', { meetingId })).toEqual({ ok: true });
      }
      expect(await ack(employerOnB, 'meeting:notes:sync', { meetingId })).toEqual({ ok: false, code: 'NOT_FOUND' });
      // A puts B's socket in the notes' room, then tells the page: once it hears, it is in.
      const told = nextEvent(employerOnB, 'meeting:updated');
      const sharing = await apiClient(a, sw.cookie).wire(
        'put',
        '/api/meetings/{id}/participants/{participantId}/notes-sharing',
        { params: { id: meetingId, participantId: employer.id }, body: { shared: true } },
      );
      expect(sharing.status).toBe(200);
      await told;
      const doc = new Y.Doc();
      const synced = await ack<{ ok: true; update: string }>(staffOnA, 'meeting:notes:sync', { meetingId });
      Y.applyUpdate(doc, Buffer.from(synced.update, 'base64'));
      const heard = nextEvent<{ text: string }>(employerOnB, 'meeting:notes', (n) => n.text.includes('Delt.'));
      expect(await ack(staffOnA, 'meeting:notes', { meetingId, update: typed(doc, ' Delt.') })).toMatchObject({
        ok: true,
      });
      await heard;
    });

    it('notes erased in the database (as retention erases them) are no longer served from either memory', async () => {
      const staffOnA = await a.connect({ cookie: sw.cookie });
      expect(await ack(staffOnA, 'meeting:join', { meetingId })).toEqual({ ok: true });
      const doc = new Y.Doc();
      const synced = await ack<{ ok: true; update: string }>(staffOnA, 'meeting:notes:sync', { meetingId });
      Y.applyUpdate(doc, Buffer.from(synced.update, 'base64'));
      expect(await ack(staffOnA, 'meeting:notes', { meetingId, update: typed(doc, ' Slettes.') })).toMatchObject({
        ok: true,
      });
      // Both processes hold the document in memory now.
      for (const p of [a, b]) expect((await notesOn(p, sw.cookie, meetingId)).text).toContain('Slettes.');
      const ds = t.app.get(DataSource);
      await ds.query(`DELETE FROM meeting_notes_update WHERE meeting_id = $1`, [meetingId]);
      await ds.query(`DELETE FROM meeting_notes WHERE meeting_id = $1`, [meetingId]);
      for (const p of [a, b]) expect((await notesOn(p, sw.cookie, meetingId)).text).toBe('');
    });
  });

  it('a due reminder is mailed once with two processes working the queue', async () => {
    // Their own caseworker: the room's meeting tomorrow would clash with this one.
    const organiser = await createStaff(t);
    const { kase } = await createCase(t, organiser.cookie, organiser.id, 0.01);
    const doctorEmail = `laege-scale-${Date.now()}@example.dk`;
    const start = new Date(Date.now() + 24 * 3600_000 + 60_000);
    const meeting = await apiClient(a, organiser.cookie).meetings.create({
      caseId: kase.id,
      start: start.toISOString(),
      end: new Date(start.getTime() + 3600_000).toISOString(),
      location: 'Jobcentret, lokale 3',
      participants: [{ kind: 'doctor', name: 'Læge Skov', email: doctorEmail }, { kind: 'citizen' }],
    });
    // A day passes: the reminder is due now (next to the invitation), before any worker runs.
    const ds = t.app.get(DataSource);
    await ds.query(
      `UPDATE pgboss.job SET start_after = now() WHERE name = 'meeting-reminder' AND data->>'meetingId' = $1`,
      [meeting.id],
    );
    const workers = await Promise.all([
      startProcess('C', { JOB_WORKERS: 'true' }),
      startProcess('D', { JOB_WORKERS: 'true' }),
    ]);
    try {
      await mailsTo(doctorEmail, 2);
      await meetingJobsSettled(ds, meeting.id);
      const mails = testSmtp().inbox.filter((m) => m.to.includes(doctorEmail));
      expect(mails.filter((m) => /Påmindelse/.test(mailText(m)))).toHaveLength(1);
      expect(mails).toHaveLength(2);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
  }, 180_000);
});
