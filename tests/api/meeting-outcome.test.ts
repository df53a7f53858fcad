// After the meeting: held with decisions that change the plan in one version, the summary mail,
// the doctors' participation as CSV for fee settlement; and video rooms (item 11).
import type { Meeting, RecordOutcome } from '@tvaers/contracts';
import { startTestApp } from '../support/app';
import { invalid, problem } from '../support/client';
import {
  addGuestParticipant,
  createCase,
  createEffort,
  createMeeting,
  createStaff,
  staffSuite,
  type Staff,
} from '../support/factories';
import { linkedGuest, roomSockets, setParticipantEmail } from '../support/meeting-fixtures';
import { nextEvent } from '../support/wait';
import { mailsTo, mailText, testSmtp } from '../support/smtp';
import { auditCount } from '../support/audit';

const smtp = testSmtp();

const s = staffSuite({ SMTP_URL: smtp.url, JOB_WORKERS: 'true' });

/** A case of `owner`'s with one effort, and a meeting of it that started half an hour ago (or at `start`). */
async function startedMeeting(owner: Staff = s.sw, start = new Date(Date.now() - 30 * 60_000), minutes = 60) {
  const { citizen, kase } = await createCase(s.t, owner.cookie, owner.id, 0.01);
  const effort = await createEffort(s.t, owner.cookie, kase.id);
  const meeting = await createMeeting(s.t, kase.id, owner, {
    start,
    end: new Date(start.getTime() + minutes * 60_000),
  });
  return { citizen, kase, effort, meeting };
}

const planVersion = async (caseId: string) =>
  (await s.ds.query<{ version: number }[]>(`SELECT version FROM plan WHERE case_id = $1`, [caseId]))[0].version;
const effortCount = async (caseId: string) =>
  Number((await s.ds.query<{ n: string }[]>(`SELECT count(*) AS n FROM effort WHERE case_id = $1`, [caseId]))[0].n);

/** Records the meeting's outcome as `who`. */
const outcome = (meetingId: string, body: RecordOutcome, who: Staff = s.sw) =>
  who.api.meetings.recordOutcome(meetingId, body);

describe('POST /api/meetings/:id/outcome', () => {
  it('marks the meeting held and applies every effort decision as ONE plan version', async () => {
    const { kase, effort, meeting } = await startedMeeting();
    const before = await planVersion(kase.id);
    const historyBefore = await s.sw.api.plan.history(kase.id);

    const held = await outcome(meeting.id, {
      summary: 'Borgeren vil gerne i praktik.',
      decisions: [
        { text: 'Ny samtale om en måned' },
        {
          text: 'Jobsøgning startes',
          effort: { add: { type: 'jobsoegning', title: 'Jobsøgning med mentor', discipline: 'employment' } },
        },
        {
          text: 'Mentorforløbet forlænges',
          effort: { change: { effortId: effort.id, title: 'Mentor i praktik', endDate: '2027-06-30' } },
        },
      ],
    });
    expect(held.status).toBe('held');
    expect(held.outcome).toMatchObject({
      summary: 'Borgeren vil gerne i praktik.',
      heldBy: { id: s.sw.id, name: s.sw.name },
      planVersion: before + 1,
    });
    const [talk, add, change] = held.outcome!.decisions;
    expect(talk).toEqual({ text: 'Ny samtale om en måned', effort: null });
    expect(add.effort).toMatchObject({ action: 'add' });
    expect(change.effort).toEqual({ action: 'change', effortId: effort.id });

    // Exactly one new version, listing the new effort and the changed one.
    expect(await planVersion(kase.id)).toBe(before + 1);
    const history = await s.sw.api.plan.history(kase.id);
    expect(history.items).toHaveLength(historyBefore.items.length + 1);
    const fields = history.items[0].changes.map((c) => c.field);
    expect(history.items[0].version).toBe(before + 1);
    expect(fields).toEqual(
      expect.arrayContaining([
        `efforts.${add.effort!.effortId}`,
        `efforts.${effort.id}.title`,
        `efforts.${effort.id}.endDate`,
      ]),
    );
    const plan = await s.sw.api.plan.get(kase.id);
    expect(plan.efforts.find((e) => e.id === add.effort!.effortId)).toMatchObject({ title: 'Jobsøgning med mentor' });
    expect(plan.efforts.find((e) => e.id === effort.id)).toMatchObject({ title: 'Mentor i praktik' });

    // Reading it shows the outcome; the change was audited as such.
    expect((await s.sw.api.meetings.get(meeting.id)).outcome).toEqual(held.outcome);
    const audit = await s.ds.query<{ action: string }[]>(
      `SELECT action FROM audit_entry WHERE entity_id = $1 AND action = 'meeting.held'`,
      [meeting.id],
    );
    expect(audit).toHaveLength(1);

    // Held is final.
    const again = await problem(outcome(meeting.id, { summary: 'Igen', decisions: [] }));
    expect(again).toMatchObject({ status: 409, code: 'MEETING_CLOSED' });
  });

  it('without effort decisions makes no plan version', async () => {
    const { kase, meeting } = await startedMeeting();
    const before = await planVersion(kase.id);
    const res = await outcome(meeting.id, { summary: 'Kort møde', decisions: [{ text: 'Intet nyt' }] });
    expect(res.outcome?.planVersion).toBeNull();
    expect(await planVersion(kase.id)).toBe(before);
  });

  it('refuses an invalid decision naming it, and saves nothing: not the other decisions, not the status', async () => {
    const { kase, effort, meeting } = await startedMeeting();
    const before = await planVersion(kase.id);
    const efforts = await effortCount(kase.id);
    const stranger = await createStaff(s.t);

    const owner = await problem(
      outcome(meeting.id, {
        summary: 'Resumé',
        decisions: [
          {
            text: 'Jobsøgning',
            effort: { add: { type: 'jobsoegning', title: 'Jobsøgning', discipline: 'employment' } },
          },
          { text: 'Intet' },
          {
            text: 'Praktik',
            effort: { add: { type: 'mentor', title: 'Mentor', discipline: 'employment', ownerId: stranger.id } },
          },
        ],
      }),
    );
    expect(owner).toMatchObject({ status: 400, paths: ['decisions.2.effort.add.ownerId'] });

    const unknown = await problem(
      outcome(meeting.id, {
        summary: 'Resumé',
        decisions: [
          { text: 'Forlæng', effort: { change: { effortId: effort.id, endDate: '2027-01-31' } } },
          {
            text: 'Stop',
            effort: { change: { effortId: '00000000-0000-4000-8000-000000000000', status: 'completed' } },
          },
        ],
      }),
    );
    expect(unknown).toMatchObject({ status: 400, paths: ['decisions.1.effort.change.effortId'] });

    const shape = await problem(
      outcome(
        meeting.id,
        invalid({
          summary: 'Resumé',
          decisions: [
            { text: 'Begge dele', effort: {} },
            { text: '', effort: { change: { effortId: effort.id, status: 'stopped' } } },
          ],
        }),
      ),
    );
    expect(shape.status).toBe(400);
    expect(shape.paths).toEqual(
      expect.arrayContaining(['decisions.0.effort', 'decisions.1.text', 'decisions.1.effort.change.stopReason']),
    );

    expect(await planVersion(kase.id)).toBe(before);
    expect(await effortCount(kase.id)).toBe(efforts);
    expect((await s.sw.api.plan.get(kase.id)).efforts.find((e) => e.id === effort.id)?.endDate).toBeNull();
    const m = await s.sw.api.meetings.get(meeting.id);
    expect(m.status).toBe('scheduled');
    expect(m.outcome).toBeNull();
    const [{ n }] = await s.ds.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM meeting_decision WHERE meeting_id = $1`,
      [meeting.id],
    );
    expect(Number(n)).toBe(0);
  });

  it('is refused before the meeting has started', async () => {
    const { meeting } = await startedMeeting(s.sw, new Date(Date.now() + 2 * 3600_000));
    const res = await problem(outcome(meeting.id, { summary: 'For tidligt', decisions: [] }));
    expect(res).toMatchObject({ status: 409, code: 'MEETING_NOT_STARTED' });
    expect((await s.sw.api.meetings.get(meeting.id)).status).toBe('scheduled');
  });

  it('is 404 for an outsider and 403 for a teammate who neither took part nor is responsible', async () => {
    const { meeting } = await startedMeeting();
    const outsider = await createStaff(s.t);
    expect((await problem(outcome(meeting.id, { summary: 'Udefra', decisions: [] }, outsider))).status).toBe(404);
    const teammate = await createStaff(s.t, { teams: s.sw.teams });
    expect((await problem(outcome(meeting.id, { summary: 'Kollega', decisions: [] }, teammate))).status).toBe(403);
    expect((await s.sw.api.meetings.get(meeting.id)).status).toBe('scheduled');
  });

  it('mails the summary and the decisions to every participant with an e-mail, the citizen too, with nothing from the plan', async () => {
    const { citizen, meeting } = await startedMeeting();
    const doctor = await addGuestParticipant(s.t, meeting.id, 'doctor', 'Læge Lise Lund');
    const doctorEmail = `laege-outcome-${Date.now()}@example.dk`;
    await setParticipantEmail(s.t, doctor.id, doctorEmail);
    // The citizen's address is the one on the citizen record (a citizen participant stores none).
    await addGuestParticipant(s.t, meeting.id, 'citizen', citizen.name);
    const citizenEmail = `borger-outcome-${Date.now()}@example.dk`;
    await s.ds.query(`UPDATE citizen SET email = $2 WHERE id = $1`, [citizen.id, citizenEmail]);

    await outcome(meeting.id, {
      summary: 'Borgeren starter i jobsøgning.',
      decisions: [
        {
          text: 'Jobsøgning startes',
          effort: { add: { type: 'jobsoegning', title: 'Intern effort-titel 4711', discipline: 'employment' } },
        },
      ],
    });

    for (const address of [doctorEmail, s.sw.email, citizenEmail]) {
      const [mail] = await mailsTo(address, 1, { marker: meeting.title });
      expect(mail).toBeDefined();
      // Ordinary e-mail is not encrypted: the citizen is "Borgeren", never named.
      expect(mailText(mail)).not.toContain(citizen.name);
      expect(mailText(mail)).toContain('Borgeren');
      expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?Q\?Referat=3A_/m);
      expect(mail.raw).not.toMatch(/text\/calendar/i);
      const text = mailText(mail);
      expect(text).toContain('Mødet er afholdt');
      expect(text).toContain('Borgeren starter i jobsøgning.');
      expect(text).toContain('1. Jobsøgning startes');
      expect(text).toContain('Læge Lise Lund');
      expect(text).not.toContain('Intern effort-titel 4711');
      expect(text).not.toContain('/m/'); // no guest link in the summary
    }
  });
});

describe('the live room', () => {
  const sockets = roomSockets(
    () => s.t,
    () => s.sw.cookie,
  );

  it('tells staff the held meeting with its outcome, and the doctor that it is held without the outcome', async () => {
    const { meeting } = await startedMeeting();
    const { token } = await linkedGuest(s.t, s.sw, meeting.id, 'doctor');
    const staff = await sockets.staffIn(meeting.id);
    const guest = await sockets.guestIn(token, meeting.id);
    type Payload = { meeting: Partial<Meeting> };
    const [forStaff, forGuest] = [staff, guest].map((socket) => nextEvent<Payload>(socket, 'meeting:updated'));
    await outcome(meeting.id, { summary: 'Live resumé', decisions: [] });
    expect((await forStaff).meeting).toMatchObject({ status: 'held', outcome: { summary: 'Live resumé' } });
    const seen = (await forGuest).meeting;
    expect(seen.status).toBe('held');
    expect(seen.outcome).toBeUndefined();
  });
});

describe('GET /api/meetings/doctor-participation.csv', () => {
  // 2 November 2026, 09:00–10:30 Danish time (CET).
  const start = new Date('2026-11-02T08:00:00Z');

  it('lists the doctors of held meetings in the period, quoted for Danish Excel, within the caller’s teams', async () => {
    const owner = await createStaff(s.t);
    const { citizen, kase, meeting } = await startedMeeting(owner, start, 90);
    const doctor = await addGuestParticipant(s.t, meeting.id, 'doctor', '=Læge "Hansen"; Øst');
    await s.ds.query(`UPDATE meeting_participant SET clinic = 'Lægerne i Vejle' WHERE id = $1`, [doctor.id]);
    const other = await addGuestParticipant(s.t, meeting.id, 'doctor', 'Anden Læge');
    await s.ds.query(
      `INSERT INTO health_statement (case_id, meeting_id, participant_id, doctor_name, work_capacity, assessment, recommendations)
       VALUES ($1, $2, $3, $4, 'partial', 'Kan arbejde 15 timer', 'Gradvis optrapning')`,
      [kase.id, meeting.id, doctor.id, doctor.name],
    );
    // A scheduled (not held) meeting the same day is not settled.
    const notHeld = await startedMeeting(owner, new Date('2026-11-02T12:00:00Z'));
    await addGuestParticipant(s.t, notHeld.meeting.id, 'doctor', 'Ikke Afholdt');
    await outcome(meeting.id, { summary: 'Afholdt', decisions: [] }, owner);

    const res = await owner.api.meetings.doctorParticipationCsv({ from: '2026-11-02', to: '2026-11-02' });
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="laegedeltagelse-2026-11-02-2026-11-02.csv"',
    );
    const body = res.text;
    expect(body.charCodeAt(0)).toBe(0xfeff);
    const lines = body.slice(1).split('\r\n');
    expect(lines[0]).toBe('Dato;Start;Slut;Minutter;Læge;Klinik;Helbredsudtalelse givet;Borger;Sag;Møde');
    expect(lines.slice(1, -1).sort()).toEqual(
      [
        `2026-11-02;09:00;10:30;90;Anden Læge;;nej;${citizen.name};${kase.id};${meeting.id}`,
        `2026-11-02;09:00;10:30;90;"'=Læge ""Hansen""; Øst";Lægerne i Vejle;ja;${citizen.name};${kase.id};${meeting.id}`,
      ].sort(),
    );
    expect(lines.at(-1)).toBe('');
    expect(body).not.toContain(citizen.cpr);
    void other;

    // Audited: one row for the citizen shown.
    const audit = { actorId: owner.id, citizenId: citizen.id, action: 'meetings.doctor_participation' };
    expect(await auditCount(s.ds, audit)).toBe(1);

    // Another team's caseworker gets the header only; an administrator may not use the route (403).
    const admin = await createStaff(s.t, { kind: 'admin', teams: owner.teams });
    const period = { from: '2026-11-01', to: '2026-11-03' };
    expect((await problem(admin.api.meetings.doctorParticipationCsv(period))).status).toBe(403);
    const stranger = await createStaff(s.t);
    const csv = await stranger.api.meetings.doctorParticipationCsv(period);
    expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(1);
    const bad = await problem(owner.api.meetings.doctorParticipationCsv({ from: '2026-11-03', to: '2026-11-01' }));
    expect(bad).toMatchObject({ status: 400, paths: ['to'] });
  });
});

describe('video rooms (VIDEO_BASE_URL)', () => {
  let hour = 0;
  const freeTime = () => {
    const at = Date.UTC(2031, 2, 3, 8) + (hour += 2) * 3_600_000;
    return { start: new Date(at).toISOString(), end: new Date(at + 3_600_000).toISOString() };
  };

  it('gives each new meeting an unguessable room when set, and none when not', async () => {
    const video = await startTestApp({ VIDEO_BASE_URL: 'https://video.example.dk/rum/' });
    try {
      const staff = await createStaff(video);
      const { kase } = await createCase(video, staff.cookie, staff.id, 0.01);
      const a = await staff.api.meetings.create({ caseId: kase.id, ...freeTime(), participants: [] });
      const b = await staff.api.meetings.create({ caseId: kase.id, ...freeTime(), participants: [] });
      const room = /^https:\/\/video\.example\.dk\/rum\/([A-Za-z0-9_-]{22,})$/;
      expect(a.videoUrl).toMatch(room);
      expect(b.videoUrl).toMatch(room);
      expect(a.videoUrl).not.toBe(b.videoUrl);
      // ≥ 128 random bits: 22 base64url characters.
      expect(Buffer.from(room.exec(a.videoUrl!)![1], 'base64url').length).toBeGreaterThanOrEqual(16);
      const own = await staff.api.meetings.create({
        caseId: kase.id,
        ...freeTime(),
        videoUrl: 'https://teams.example.dk/m/123',
        participants: [],
      });
      expect(own.videoUrl).toBe('https://teams.example.dk/m/123');
    } finally {
      await video.close();
    }
    const { kase } = await createCase(s.t, s.sw.cookie, s.sw.id, 0.01);
    const plain = await s.sw.api.meetings.create({ caseId: kase.id, ...freeTime(), participants: [] });
    expect(plain.videoUrl).toBeNull();
  });
});
