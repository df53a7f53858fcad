// Retention: citizens whose cases all closed more than RETENTION_DAYS ago are anonymised by a
// durable job queued once a day across processes; the access log stays whole, with one row per anonymised citizen.
import { randomUUID } from 'node:crypto';
import { RetentionService, retentionKey } from '@tvaers/api/src/retention/retention.service';
import { DEFAULT_RETENTION_DAYS } from '@tvaers/api/src/config/config';
import { JobQueue, Queues } from '@tvaers/api/src/jobs/job-queue';
import * as Y from 'yjs';
import { startTestApp } from '../support/app';
import { apiClient, problem } from '../support/client';
import {
  addGuestParticipant,
  createCase,
  createEffort,
  createMeeting,
  issueGuestLink,
  staffSuite,
} from '../support/factories';

const s = staffSuite({}, 'manager');

const DAY_MS = 24 * 3600_000;
const retention = () => s.t.app.get(RetentionService);

interface Seeded {
  citizenId: string;
  caseId: string;
  meetingId: string;
  doctorId: string;
  guestToken: string;
  /** Written into every free-text field of the citizen's; no row outside the access log may hold it afterwards. */
  marker: string;
}

/**
 * A citizen with a case and personal text in every place Tværs keeps it: the citizen's details, the plan and its
 * history, an effort, a meeting with a doctor (guest link, notes, decisions, outbox mail), a health statement, an
 * own assessment, a request, an exemption, a score's note, consent and assignment notes; its case closed, or not.
 */
async function seed(closed: boolean): Promise<Seeded> {
  const marker = `HEMMELIG-${randomUUID().slice(0, 8)}`;
  const { citizen, kase } = await createCase(s.t, s.sw.cookie, s.sw.id, 0.01);
  const q = (sql: string, params: unknown[] = []) => s.ds.query(sql, params);
  await q(`UPDATE citizen SET email = $2, phone = $3 WHERE id = $1`, [
    citizen.id,
    `${marker}@example.dk`,
    `+45 ${marker}`,
  ]);
  await q(
    `UPDATE plan SET citizen_goal = $2, job_goal = $2, contact_plan = jsonb_build_object('intervalDays', 30, 'reason', $2::text)
      WHERE case_id = $1`,
    [kase.id, marker],
  );
  await q(
    `UPDATE plan_version SET changes = jsonb_build_array(jsonb_build_object('field', 'citizenGoal', 'from', '', 'to', $2::text)) WHERE case_id = $1`,
    [kase.id, marker],
  );
  const effort = await createEffort(s.t, s.sw.cookie, kase.id, { title: `Praktik ${marker}`, purpose: marker });
  await q(`UPDATE effort SET stop_reason = $2 WHERE id = $1`, [effort.id, marker]);
  const meeting = await createMeeting(s.t, kase.id, s.sw, {
    location: marker,
    videoUrl: `https://video.example.dk/${marker}`,
  });
  await q(`UPDATE meeting SET title = $2, summary = $2, agenda = ARRAY[$2] WHERE id = $1`, [meeting.id, marker]);
  const doctor = await addGuestParticipant(s.t, meeting.id, 'doctor', `Læge ${marker}`);
  await q(`UPDATE meeting_participant SET email = $2, phone = $3, clinic = $3, role = $3 WHERE id = $1`, [
    doctor.id,
    `${marker}@laege.dk`,
    marker,
  ]);
  const guestToken = await issueGuestLink(s.t, s.sw.cookie, meeting.id, doctor.id);
  await q(`INSERT INTO meeting_decision (meeting_id, position, text) VALUES ($1, 0, $2)`, [meeting.id, marker]);
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, `Noter ${marker}`);
  const update = Buffer.from(Y.encodeStateAsUpdate(doc));
  await q(`INSERT INTO meeting_notes (meeting_id, state) VALUES ($1, $2)`, [meeting.id, update]);
  await q(
    `INSERT INTO meeting_notes_update (meeting_id, author_kind, author_id, author_name, "update") VALUES ($1, 'staff', $2, $3, $4)`,
    [meeting.id, s.sw.id, s.sw.name, update],
  );
  await q(`INSERT INTO mail_outbox (meeting_id, recipient, subject, text) VALUES ($1, $2, $3, $3)`, [
    meeting.id,
    `${marker}@laege.dk`,
    marker,
  ]);
  await q(
    `INSERT INTO health_statement (case_id, meeting_id, participant_id, doctor_name, work_capacity, assessment, recommendations, restrictions)
     VALUES ($1, $2, $3, $4, 'partial', $4, $4, $4)`,
    [kase.id, meeting.id, doctor.id, marker],
  );
  await q(`INSERT INTO own_assessment (case_id, meeting_id, text, wellbeing) VALUES ($1, $2, $3, 3)`, [
    kase.id,
    meeting.id,
    marker,
  ]);
  await q(
    `INSERT INTO citizen_request (case_id, kind, description, received_at, decision_due, decision, decision_reason, recorded_by_id)
     VALUES ($1, 'effort', $2, now(), current_date, 'refused', $2, $3)`,
    [kase.id, marker, s.sw.id],
  );
  await q(
    `INSERT INTO exemption (case_id, start_date, end_date, reason, decided_by_id, decided_by_name)
     VALUES ($1, current_date, current_date + 30, $2, $3, $4)`,
    [kase.id, marker, s.sw.id, s.sw.name],
  );
  await q(
    `INSERT INTO indicator_score (case_id, key, rated_by, score, at, recorded_by_id, note)
     VALUES ($1, 'job_belief', 'citizen', 4, now(), $2, $3)`,
    [kase.id, s.sw.id, marker],
  );
  await s.sw.api.citizens.setConsent(citizen.id, 'health_in_unit', { given: true, note: marker });
  await q(`UPDATE case_assignment SET reason = $2 WHERE case_id = $1`, [kase.id, marker]);
  if (closed) await s.sw.api.cases.update(kase.id, { status: 'closed', closeReason: `Afsluttet: ${marker}` });
  return { citizenId: citizen.id, caseId: kase.id, meetingId: meeting.id, doctorId: doctor.id, guestToken, marker };
}

/** Every table (the access log apart) with a row holding the marker, and how many. */
async function rowsHolding(marker: string): Promise<Record<string, number>> {
  const tables: { table_name: string }[] = await s.ds.query(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'audit_entry'`,
  );
  const out: Record<string, number> = {};
  for (const { table_name: name } of tables) {
    const [{ n }]: { n: number }[] = await s.ds.query(
      `SELECT count(*)::int AS n FROM "${name}" x WHERE x::text LIKE $1`,
      [`%${marker}%`],
    );
    if (n > 0) out[name] = n;
  }
  return out;
}

/** Each table's rows of this citizen's case, as text, to show that nothing of theirs changed. */
async function snapshot(seeded: Seeded): Promise<string> {
  const [row]: { snap: string }[] = await s.ds.query(
    `SELECT concat_ws('|',
       (SELECT c::text FROM citizen c WHERE c.id = $1),
       (SELECT string_agg(x::text, ',' ORDER BY x::text) FROM "case" x WHERE x.citizen_id = $1),
       (SELECT p::text FROM plan p WHERE p.case_id = $2),
       (SELECT string_agg(x::text, ',' ORDER BY x::text) FROM plan_version x WHERE x.case_id = $2),
       (SELECT string_agg(x::text, ',' ORDER BY x::text) FROM effort x WHERE x.case_id = $2),
       (SELECT m::text FROM meeting m WHERE m.id = $3),
       (SELECT string_agg(x::text, ',' ORDER BY x::text) FROM meeting_participant x WHERE x.meeting_id = $3),
       (SELECT count(*)::text FROM guest_link WHERE participant_id = $4),
       (SELECT count(*)::text FROM meeting_notes_update WHERE meeting_id = $3),
       (SELECT string_agg(x::text, ',' ORDER BY x::text) FROM health_statement x WHERE x.case_id = $2),
       (SELECT string_agg(x::text, ',' ORDER BY x::text) FROM consent x WHERE x.citizen_id = $1)) AS snap`,
    [seeded.citizenId, seeded.caseId, seeded.meetingId, seeded.doctorId],
  );
  return row.snap;
}

const auditRows = (citizenId: string) =>
  s.ds.query<{ id: string; action: string; actor_kind: string; actor_name: string }[]>(
    `SELECT id, action, actor_kind, actor_name FROM audit_entry WHERE citizen_id = $1 ORDER BY id`,
    [citizenId],
  );

describe('the retention run', () => {
  let old: Seeded;
  let old2: Seeded;
  let recent: Seeded;
  let active: Seeded;
  let before: { old: Awaited<ReturnType<typeof auditRows>>; recent: string; active: string };

  beforeAll(async () => {
    [old, old2, recent, active] = [await seed(true), await seed(true), await seed(true), await seed(false)];
    expect(await rowsHolding(old.marker)).toHaveProperty('citizen', 1);
    // Closed long enough ago, or just not, by SQL (no clock is waited for); right before the run, as a test app
    // that works the queue would anonymise them too.
    const closedAt = (days: number) => new Date(Date.now() - days * DAY_MS);
    await s.ds.query(
      `UPDATE "case" k SET closed_at = v.at FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, at) WHERE k.id = v.id`,
      [
        [old.caseId, old2.caseId, recent.caseId],
        [
          closedAt(DEFAULT_RETENTION_DAYS + 1),
          closedAt(DEFAULT_RETENTION_DAYS + 400),
          closedAt(DEFAULT_RETENTION_DAYS - 1),
        ],
      ],
    );
    before = { old: await auditRows(old.citizenId), recent: await snapshot(recent), active: await snapshot(active) };
    // Batches of one here (500 by default): each citizen in a transaction of its own. (Its count is not asserted:
    // a test app that works the queue may run the day's job meanwhile; what is left is the same.)
    await retention().run(new Date(), 1);
  });

  it('anonymises a citizen whose last case closed longer ago than the period: nothing of theirs is left', async () => {
    expect(await rowsHolding(old.marker)).toEqual({});
    const [c]: Record<string, unknown>[] = await s.ds.query(
      `SELECT name, email, phone, cpr_encrypted, cpr_hash, cpr_birth, anonymised_at FROM citizen WHERE id = $1`,
      [old.citizenId],
    );
    expect(c).toEqual({
      name: 'Anonymiseret borger',
      email: null,
      phone: null,
      cpr_encrypted: null,
      cpr_hash: null,
      cpr_birth: null,
      anonymised_at: expect.any(Date) as unknown,
    });
    const [plan]: Record<string, unknown>[] = await s.ds.query(
      `SELECT citizen_goal, job_goal, contact_plan FROM plan WHERE case_id = $1`,
      [old.caseId],
    );
    expect(plan).toEqual({
      citizen_goal: '',
      job_goal: '',
      contact_plan: { intervalDays: 30, reason: 'Anonymiseret' },
    });
    const [versions]: { changes: unknown[] }[] = await s.ds.query(
      `SELECT changes FROM plan_version WHERE case_id = $1`,
      [old.caseId],
    );
    expect(versions.changes).toEqual([{ field: 'citizenGoal', from: null, to: null }]);
    const [doctor]: Record<string, unknown>[] = await s.ds.query(
      `SELECT name, email, phone, clinic, role FROM meeting_participant WHERE id = $1`,
      [old.doctorId],
    );
    expect(doctor).toEqual({ name: 'Anonymiseret', email: null, phone: null, clinic: null, role: null });
    const [staffParticipant]: { name: string }[] = await s.ds.query(
      `SELECT name FROM meeting_participant WHERE meeting_id = $1 AND kind = 'staff'`,
      [old.meetingId],
    );
    expect(staffParticipant.name).toBe(s.sw.name);
    const [meeting]: Record<string, unknown>[] = await s.ds.query(
      `SELECT title, location, video_url, agenda, summary FROM meeting WHERE id = $1`,
      [old.meetingId],
    );
    expect(meeting).toEqual({ title: 'Anonymiseret', location: null, video_url: null, agenda: [], summary: null });
    const counts: Record<string, number>[] = await s.ds.query(
      `SELECT (SELECT count(*)::int FROM guest_link WHERE participant_id = $2) AS links,
              (SELECT count(*)::int FROM meeting_notes WHERE meeting_id = $1) AS notes,
              (SELECT count(*)::int FROM meeting_notes_update WHERE meeting_id = $1) AS note_updates,
              (SELECT count(*)::int FROM mail_outbox WHERE meeting_id = $1) AS mails,
              (SELECT count(*)::int FROM health_statement WHERE meeting_id = $1) AS statements`,
      [old.meetingId, old.doctorId],
    );
    // The records stay (the unit's figures), emptied; links, notes and mails go.
    expect(counts[0]).toEqual({ links: 0, notes: 0, note_updates: 0, mails: 0, statements: 1 });
    const [closed]: Record<string, unknown>[] = await s.ds.query(
      `SELECT status, close_reason, close_outcome FROM "case" WHERE id = $1`,
      [old.caseId],
    );
    expect(closed).toEqual({ status: 'closed', close_reason: null, close_outcome: 'other' });
    expect((await problem(apiClient(s.t).guests.view(old.guestToken))).status).toBe(404);
  });

  it('works in batches, each a transaction of its own', async () => {
    expect(await rowsHolding(old2.marker)).toEqual({});
    const stamps: { anonymised_at: Date }[] = await s.ds.query(
      `SELECT anonymised_at FROM citizen WHERE id = ANY($1::uuid[])`,
      [[old.citizenId, old2.citizenId]],
    );
    // now() is the transaction's start: two batches, two different instants.
    expect(new Set(stamps.map((r) => r.anonymised_at.getTime())).size).toBe(2);
  });

  it('leaves a citizen whose case closed within the period, and one with an active case, untouched', async () => {
    expect(await snapshot(recent)).toBe(before.recent);
    expect(await snapshot(active)).toBe(before.active);
    expect(await rowsHolding(recent.marker)).toHaveProperty('citizen', 1);
    expect(await rowsHolding(active.marker)).toHaveProperty('citizen', 1);
  });

  it('keeps every access-log row of the anonymised citizen and adds one, by Tværs itself', async () => {
    const after = await auditRows(old.citizenId);
    expect(after.slice(0, before.old.length)).toEqual(before.old);
    expect(after.slice(before.old.length)).toEqual([
      {
        id: expect.any(String) as unknown,
        action: 'citizen.anonymised',
        actor_kind: 'system',
        actor_name: 'Tværs (opbevaringsfrist)',
      },
    ]);
    for (const seeded of [recent, active]) {
      expect((await auditRows(seeded.citizenId)).map((r) => r.action)).not.toContain('citizen.anonymised');
    }
  });

  it('changes nothing when run again', async () => {
    const snap = await snapshot(old);
    const rows = await auditRows(old.citizenId);
    expect(await retention().run()).toBe(0);
    expect(await snapshot(old)).toBe(snap);
    expect(await auditRows(old.citizenId)).toEqual(rows);
  });

  it("hands over an anonymised citizen's export without personal data", async () => {
    const res = await s.manager.api.wire('get', '/api/citizens/{id}/export', { params: { id: old.citizenId } });
    expect(res.status).toBe(200);
    const { accessLog, ...data } = res.body as {
      citizen: Record<string, unknown>;
      meetingNotes: unknown[];
      accessLog: { id: number }[];
    };
    expect(data.citizen).toMatchObject({ name: 'Anonymiseret borger', cpr: null, email: null, phone: null });
    expect(data.meetingNotes).toEqual([]);
    expect(JSON.stringify(data)).not.toContain(old.marker);
    // The access log is shown as it was written, every row of it (and may hold what staff typed into a change's
    // details, e.g. a close reason: it is append-only, so retention leaves it as it is).
    expect(accessLog.map((r) => String(r.id))).toEqual((await auditRows(old.citizenId)).map((r) => r.id));
    const masked = await s.sw.api.citizens.get(old.citizenId);
    expect(masked).toMatchObject({ name: 'Anonymiseret borger', cprMasked: 'XXXXXX-XXXX' });
    const reveal = s.sw.api.citizens.revealCpr(old.citizenId, { reason: 'Kontrol efter anonymisering' });
    expect((await problem(reveal)).status).toBe(404);
  });

  it('is not found by a search, and never gets a new case', async () => {
    const hits = await s.sw.api.citizens.search({ q: 'Anonymiseret' });
    expect(hits.items.map((c) => c.id)).not.toContain(old.citizenId);
    const newCase = s.sw.api.cases.create({ citizenId: old.citizenId, responsibleId: s.sw.id, weight: 0.01 });
    expect((await problem(newCase)).status).toBe(404);
  });
});

it('makes one job of the day however many processes queue it', async () => {
  const other = await startTestApp();
  try {
    // A day no other test queues: both processes send it, as each does on start and every hour.
    const day = new Date('2031-03-04T12:00:00Z');
    const sent = await Promise.all([retention().queue(day), other.app.get(RetentionService).queue(day)]);
    expect(sent.filter(Boolean)).toHaveLength(1);
    expect(await retention().queue(day)).toBe(false);
    const [{ n }]: { n: number }[] = await s.ds.query(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND singleton_key = $2`,
      [Queues.retention, retentionKey(day)],
    );
    expect(n).toBe(1);
    expect(await s.t.app.get(JobQueue).job(Queues.retention, retentionKey(day))).toMatchObject({
      data: { date: '2031-03-04' },
    });
  } finally {
    await other.close();
  }
});

it("queues today's run on start, unless retention is off", async () => {
  const [{ n }]: { n: number }[] = await s.ds.query(
    `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND singleton_key LIKE 'retention:%'`,
    [Queues.retention],
  );
  expect(n).toBeGreaterThan(0);
  const off = await startTestApp({ RETENTION_DAYS: 'off' });
  try {
    expect(await off.app.get(RetentionService).queue(new Date('2031-03-05T12:00:00Z'))).toBe(false);
    expect(await off.app.get(RetentionService).run()).toBe(0);
  } finally {
    await off.close();
  }
});
