// What a guest's page tells them: who the meeting is about (doctor and citizen only),
// who invites, the doctor's fee line, what they sent (read-only), and the held meeting's outcome (citizen only);
// and a staff member's own view of a meeting (canManage, myParticipantId, citizenName, POST …/response).
import { DataSource } from 'typeorm';
import { GuestsService } from '@tvaers/api/src/guests/guests.service';
import type { TestApp } from '../support/app';
import { apiClient, invalid, problem } from '../support/client';
import {
  addGuestParticipant,
  createCase,
  createEffort,
  createMeeting,
  createStaff,
  issueGuestLink,
  startWithStaff,
  type Staff,
} from '../support/factories';
import { addStaffParticipant } from '../support/meeting-fixtures';

let t: TestApp;
let ds: DataSource;
let sw: Staff;

beforeAll(async () => {
  ({ t, sw } = await startWithStaff({ DOCTOR_FEE_TEXT: 'Honoreres efter ydelse 2101.' }));
  ds = t.app.get(DataSource);
  await ds.query(`UPDATE staff SET phone = '+45 70 10 20 30' WHERE id = $1`, [sw.id]);
});
afterAll(() => t.close());

/** The birth date a CPR's first seven digits give (the test CPRs are 1900s births). */
const birthDateOf = (cpr: string) => `19${cpr.slice(4, 6)}-${cpr.slice(2, 4)}-${cpr.slice(0, 2)}`;

/** The link as Tværs mails it to the guest (never shown to staff): the guest's own full view. */
async function mailedLink(meetingId: string, participantId: string): Promise<string> {
  const link = await t.app.get(GuestsService).linkForMail(meetingId, participantId, sw.id, t.url);
  return link!.url.split('/').pop()!;
}

async function setup(start?: Date) {
  const { citizen, kase } = await createCase(t, sw.cookie, sw.id, 0.01);
  const meeting = await createMeeting(
    t,
    kase.id,
    sw,
    start ? { start, end: new Date(start.getTime() + 3600_000) } : {},
  );
  const doctor = await addGuestParticipant(t, meeting.id, 'doctor');
  const self = await addGuestParticipant(t, meeting.id, 'citizen', citizen.name);
  const other = await addGuestParticipant(t, meeting.id, 'guest');
  return {
    citizen,
    kase,
    meeting,
    doctorToken: await mailedLink(meeting.id, doctor.id),
    citizenToken: await mailedLink(meeting.id, self.id),
    otherToken: await mailedLink(meeting.id, other.id),
  };
}

const view = (token: string) => apiClient(t).guests.view(token);

describe('the guest page', () => {
  it('names the citizen (name, birth date) and the fee to the doctor, with who invites and how to reach them', async () => {
    const s = await setup();
    const v = await view(s.doctorToken);
    expect(v.citizen).toEqual({ name: s.citizen.name, birthDate: birthDateOf(s.citizen.cpr) });
    expect(v.feeText).toBe('Honoreres efter ydelse 2101.');
    expect(v.host).toEqual({
      // The municipality of the case's team (the factory's teams are Testkommune's).
      municipality: 'Testkommune',
      unit: 'Tværfaglig enhed',
      organizer: { name: sw.name, email: sw.email, phone: '+45 70 10 20 30' },
    });
    expect(JSON.stringify(v)).not.toContain(s.citizen.cpr);
  });

  it('shows another guest neither the citizen nor the fee; the citizen sees themself but no fee', async () => {
    const s = await setup();
    const other = await view(s.otherToken);
    expect(other.citizen).toBeNull();
    expect(other.feeText).toBeNull();
    expect(other.host.organizer.name).toBe(sw.name);
    const own = await view(s.citizenToken);
    expect(own.citizen?.name).toBe(s.citizen.name);
    expect(own.feeText).toBeNull();
  });

  it("logs the doctor's read of the citizen's data as the doctor", async () => {
    const s = await setup();
    await view(s.doctorToken);
    const rows = await ds.query<{ actor_kind: string; action: string }[]>(
      `SELECT actor_kind, action FROM audit_entry WHERE citizen_id = $1 AND actor_kind = 'guest'`,
      [s.citizen.id],
    );
    expect(rows).toContainEqual({ actor_kind: 'guest', action: 'meeting.read' });
  });

  it('gives a sent statement and own assessment back read-only, each only to the link that sent it', async () => {
    const s = await setup();
    const guest = apiClient(t).guests;
    await guest.giveHealthStatement(s.doctorToken, {
      workCapacity: 'partial',
      assessment: 'Kan arbejde 10 timer',
      recommendations: 'Gradvis optrapning',
    });
    await guest.giveOwnAssessment(s.citizenToken, { text: 'Jeg har det bedre', wellbeing: 6 });
    const doctor = await view(s.doctorToken);
    expect(doctor.given.healthStatements).toEqual([
      expect.objectContaining({ workCapacity: 'partial', assessment: 'Kan arbejde 10 timer', restrictions: null }),
    ]);
    expect(doctor.given.ownAssessments).toEqual([]);
    const citizen = await view(s.citizenToken);
    expect(citizen.given.ownAssessments).toEqual([
      expect.objectContaining({ text: 'Jeg har det bedre', wellbeing: 6 }),
    ]);
    expect(citizen.given.healthStatements).toEqual([]);
    expect((await view(s.otherToken)).given).toEqual({ healthStatements: [], ownAssessments: [] });
  });

  it("shows the held meeting's summary and plan decisions to the citizen only", async () => {
    const s = await setup(new Date(Date.now() - 30 * 60_000));
    const effort = await createEffort(t, sw.cookie, s.kase.id, { type: 'virksomhedspraktik', title: 'Praktik' });
    const mentor = await createEffort(t, sw.cookie, s.kase.id, { type: 'mentor', title: 'Mentor' });
    await sw.api.meetings.recordOutcome(s.meeting.id, {
      summary: 'Vi aftalte praktik.',
      decisions: [
        { text: 'Praktikken forlænges', effort: { change: { effortId: effort.id, endDate: '2027-03-01' } } },
        { text: 'Mentor stopper', effort: { change: { effortId: mentor.id, status: 'stopped', stopReason: 'Slut' } } },
        { text: 'Nyt møde om tre måneder' },
      ],
    });
    const v = await view(s.citizenToken);
    expect(v.outcome?.summary).toBe('Vi aftalte praktik.');
    expect(v.outcome?.decisions[0]).toEqual({
      text: 'Praktikken forlænges',
      effort: {
        action: 'change',
        type: 'virksomhedspraktik',
        title: 'Praktik',
        changes: [{ field: 'endDate', to: '2027-03-01' }],
      },
    });
    expect(v.outcome?.decisions[1].effort?.changes).toContainEqual({ field: 'status', to: 'stopped' });
    expect(v.outcome?.decisions[2]).toEqual({ text: 'Nyt møde om tre måneder', effort: null });
    expect((await view(s.doctorToken)).outcome).toBeNull();
    expect((await view(s.otherToken)).outcome).toBeNull();
  });

  it('shows the citizen a decision about their own health effort, as their plan excerpt does', async () => {
    const health = await createStaff(t, { kind: 'health', teams: sw.teams });
    const s = await setup(new Date(Date.now() - 30 * 60_000));
    const effort = await createEffort(t, health.cookie, s.kase.id, {
      type: 'psykoedukation',
      title: 'Psykoedukation',
      discipline: 'health',
    });
    await addStaffParticipant(t, s.meeting.id, health);
    await health.api.meetings.recordOutcome(s.meeting.id, {
      summary: 'Held.',
      decisions: [{ text: 'Fortsæt', effort: { change: { effortId: effort.id, endDate: '2027-01-31' } } }],
    });
    // The citizen's own plan excerpt shows their health efforts, so the outcome does too.
    expect((await view(s.citizenToken)).outcome?.decisions[0].effort?.title).toBe('Psykoedukation');
  });
});

describe("the doctor's answer", () => {
  it('is accepted once the doctor chooses a time', async () => {
    const { kase } = await createCase(t, sw.cookie, sw.id, 0.01);
    const base = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 50 * 3_600_000;
    const times = [0, 2].map((h) => ({
      start: new Date(base + h * 3_600_000).toISOString(),
      end: new Date(base + (h + 1) * 3_600_000).toISOString(),
    }));
    const meeting = await sw.api.meetings.create({
      caseId: kase.id,
      proposals: times,
      participants: [{ kind: 'doctor', name: 'Læge Holm' }],
    });
    const doctor = meeting.participants.find((p) => p.kind === 'doctor')!;
    const token = await issueGuestLink(t, sw.cookie, meeting.id, doctor.id);
    expect((await view(token)).guest.response).toBe('pending');
    await apiClient(t).guests.choose(token, { start: times[1].start });
    expect((await view(token)).guest.response).toBe('accepted');
  });
});

describe("a staff member's own view of a meeting", () => {
  it('names the citizen, lets the case’s team manage it and a participant from elsewhere only answer', async () => {
    const s = await setup();
    const outsider = await createStaff(t);
    const ownId = await addStaffParticipant(t, s.meeting.id, outsider);
    const mine = await sw.api.meetings.get(s.meeting.id);
    expect(mine.citizenName).toBe(s.citizen.name);
    expect(mine.canManage).toBe(true);
    expect(mine.myParticipantId).toBe(mine.participants.find((p) => p.staffId === sw.id)?.id);

    const theirs = await outsider.api.meetings.get(s.meeting.id);
    expect(theirs.canManage).toBe(false);
    expect(theirs.participants.find((p) => p.staffId === outsider.id)?.id).toBe(ownId);
    expect(theirs.myParticipantId).toBe(ownId);

    const answered = await outsider.api.meetings.respond(s.meeting.id, { response: 'declined' });
    expect(answered.participants.find((p) => p.id === ownId)?.response).toBe('declined');
    const audit = await ds.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM audit_entry WHERE actor_id = $1 AND action = 'meeting.respond'`,
      [outsider.id],
    );
    expect(Number(audit[0].n)).toBe(1);
  });

  it('refuses an answer from staff who do not take part, and a bad answer', async () => {
    const s = await setup();
    const colleague = await createStaff(t, { teams: sw.teams });
    const respond = (who: Staff, response: 'accepted' | 'declined') =>
      who.api.meetings.respond(s.meeting.id, { response });
    expect((await problem(respond(colleague, 'accepted'))).status).toBe(404);
    expect((await problem(respond(sw, invalid('maybe')))).status).toBe(400);
    const stranger = await createStaff(t);
    expect((await problem(respond(stranger, 'accepted'))).status).toBe(404);
  });

  it('marks in a calendar which meetings the caller may manage', async () => {
    const s = await setup();
    const outsider = await createStaff(t);
    await addStaffParticipant(t, s.meeting.id, outsider);
    const window = { from: new Date().toISOString(), to: new Date(Date.now() + 3 * 86400_000).toISOString() };
    const list = async (who: Staff) => (await who.api.meetings.list(window)).items.find((m) => m.id === s.meeting.id);
    expect((await list(sw))?.canManage).toBe(true);
    expect((await list(outsider))?.canManage).toBe(false);
    expect((await list(outsider))?.myParticipantId).not.toBeNull();
  });
});
