// What a guest's page tells them: who the meeting is about (doctor and citizen only),
// who invites, the doctor's fee line, what they sent (read-only), and the held meeting's outcome (citizen only);
// and a staff member's own view of a meeting (canManage, myParticipantId, citizenName, POST …/response).
import { GuestsService } from '@tvaers/api/src/guests/guests.service';
import { apiClient, invalid, problem } from '../support/client';
import {
  addGuestParticipant,
  createCase,
  createEffort,
  createMeeting,
  createStaff,
  issueGuestLink,
  staffSuite,
  type Staff,
} from '../support/factories';
import { addStaffParticipant } from '../support/meeting-fixtures';
import { auditCount } from '../support/audit';

const s = staffSuite({ DOCTOR_FEE_TEXT: 'Honoreres efter ydelse 2101.' });

beforeAll(async () => {
  await s.ds.query(`UPDATE staff SET phone = '+45 70 10 20 30' WHERE id = $1`, [s.sw.id]);
});

/** The birth date a CPR's first seven digits give (the test CPRs are 1900s births). */
const birthDateOf = (cpr: string) => `19${cpr.slice(4, 6)}-${cpr.slice(2, 4)}-${cpr.slice(0, 2)}`;

/** The link as Tværs mails it to the guest (never shown to staff): the guest's own full view. */
async function mailedLink(meetingId: string, participantId: string): Promise<string> {
  const link = await s.t.app.get(GuestsService).linkForMail(meetingId, participantId, s.sw.id, s.t.url);
  return link!.url.split('/').pop()!;
}

async function setup(start?: Date) {
  const { citizen, kase } = await createCase(s.t, s.sw.cookie, s.sw.id, 0.01);
  const meeting = await createMeeting(
    s.t,
    kase.id,
    s.sw,
    start ? { start, end: new Date(start.getTime() + 3600_000) } : {},
  );
  const doctor = await addGuestParticipant(s.t, meeting.id, 'doctor');
  const self = await addGuestParticipant(s.t, meeting.id, 'citizen', citizen.name);
  const other = await addGuestParticipant(s.t, meeting.id, 'guest');
  return {
    citizen,
    kase,
    meeting,
    doctorToken: await mailedLink(meeting.id, doctor.id),
    citizenToken: await mailedLink(meeting.id, self.id),
    otherToken: await mailedLink(meeting.id, other.id),
  };
}

const view = (token: string) => apiClient(s.t).guests.view(token);

describe('the guest page', () => {
  it('names the citizen (name, birth date) and the fee to the doctor, with who invites and how to reach them', async () => {
    const seeded = await setup();
    const v = await view(seeded.doctorToken);
    expect(v.citizen).toEqual({ name: seeded.citizen.name, birthDate: birthDateOf(seeded.citizen.cpr) });
    expect(v.feeText).toBe('Honoreres efter ydelse 2101.');
    expect(v.host).toEqual({
      // The municipality of the case's team (the factory's teams are Testkommune's).
      municipality: 'Testkommune',
      unit: 'Tværfaglig enhed',
      organizer: { name: s.sw.name, email: s.sw.email, phone: '+45 70 10 20 30' },
    });
    expect(JSON.stringify(v)).not.toContain(seeded.citizen.cpr);
  });

  it('shows another guest neither the citizen nor the fee; the citizen sees themself but no fee', async () => {
    const seeded = await setup();
    const other = await view(seeded.otherToken);
    expect(other.citizen).toBeNull();
    expect(other.feeText).toBeNull();
    expect(other.host.organizer.name).toBe(s.sw.name);
    const own = await view(seeded.citizenToken);
    expect(own.citizen?.name).toBe(seeded.citizen.name);
    expect(own.feeText).toBeNull();
  });

  it("logs the doctor's read of the citizen's data as the doctor", async () => {
    const seeded = await setup();
    await view(seeded.doctorToken);
    const rows = await s.ds.query<{ actor_kind: string; action: string }[]>(
      `SELECT actor_kind, action FROM audit_entry WHERE citizen_id = $1 AND actor_kind = 'guest'`,
      [seeded.citizen.id],
    );
    expect(rows).toContainEqual({ actor_kind: 'guest', action: 'meeting.read' });
  });

  it('gives a sent statement and own assessment back read-only, each only to the link that sent it', async () => {
    const seeded = await setup();
    const guest = apiClient(s.t).guests;
    await guest.giveHealthStatement(seeded.doctorToken, {
      workCapacity: 'partial',
      assessment: 'Kan arbejde 10 timer',
      recommendations: 'Gradvis optrapning',
    });
    await guest.giveOwnAssessment(seeded.citizenToken, { text: 'Jeg har det bedre', wellbeing: 6 });
    const doctor = await view(seeded.doctorToken);
    expect(doctor.given.healthStatements).toEqual([
      expect.objectContaining({ workCapacity: 'partial', assessment: 'Kan arbejde 10 timer', restrictions: null }),
    ]);
    expect(doctor.given.ownAssessments).toEqual([]);
    const citizen = await view(seeded.citizenToken);
    expect(citizen.given.ownAssessments).toEqual([
      expect.objectContaining({ text: 'Jeg har det bedre', wellbeing: 6 }),
    ]);
    expect(citizen.given.healthStatements).toEqual([]);
    expect((await view(seeded.otherToken)).given).toEqual({ healthStatements: [], ownAssessments: [] });
  });

  it("shows the held meeting's summary and plan decisions to the citizen only", async () => {
    const seeded = await setup(new Date(Date.now() - 30 * 60_000));
    const effort = await createEffort(s.t, s.sw.cookie, seeded.kase.id, {
      type: 'virksomhedspraktik',
      title: 'Praktik',
    });
    const mentor = await createEffort(s.t, s.sw.cookie, seeded.kase.id, { type: 'mentor', title: 'Mentor' });
    await s.sw.api.meetings.recordOutcome(seeded.meeting.id, {
      summary: 'Vi aftalte praktik.',
      decisions: [
        { text: 'Praktikken forlænges', effort: { change: { effortId: effort.id, endDate: '2027-03-01' } } },
        { text: 'Mentor stopper', effort: { change: { effortId: mentor.id, status: 'stopped', stopReason: 'Slut' } } },
        { text: 'Nyt møde om tre måneder' },
      ],
    });
    const v = await view(seeded.citizenToken);
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
    expect((await view(seeded.doctorToken)).outcome).toBeNull();
    expect((await view(seeded.otherToken)).outcome).toBeNull();
  });

  it('shows the citizen a decision about their own health effort, as their plan excerpt does', async () => {
    const health = await createStaff(s.t, { kind: 'health', teams: s.sw.teams });
    const seeded = await setup(new Date(Date.now() - 30 * 60_000));
    const effort = await createEffort(s.t, health.cookie, seeded.kase.id, {
      type: 'psykoedukation',
      title: 'Psykoedukation',
      discipline: 'health',
    });
    await addStaffParticipant(s.t, seeded.meeting.id, health);
    await health.api.meetings.recordOutcome(seeded.meeting.id, {
      summary: 'Held.',
      decisions: [{ text: 'Fortsæt', effort: { change: { effortId: effort.id, endDate: '2027-01-31' } } }],
    });
    // The citizen's own plan excerpt shows their health efforts, so the outcome does too.
    expect((await view(seeded.citizenToken)).outcome?.decisions[0].effort?.title).toBe('Psykoedukation');
  });
});

describe("the doctor's answer", () => {
  it('is accepted once the doctor chooses a time', async () => {
    const { kase } = await createCase(s.t, s.sw.cookie, s.sw.id, 0.01);
    const base = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 50 * 3_600_000;
    const times = [0, 2].map((h) => ({
      start: new Date(base + h * 3_600_000).toISOString(),
      end: new Date(base + (h + 1) * 3_600_000).toISOString(),
    }));
    const meeting = await s.sw.api.meetings.create({
      caseId: kase.id,
      proposals: times,
      participants: [{ kind: 'doctor', name: 'Læge Holm' }],
    });
    const doctor = meeting.participants.find((p) => p.kind === 'doctor')!;
    const token = await issueGuestLink(s.t, s.sw.cookie, meeting.id, doctor.id);
    expect((await view(token)).guest.response).toBe('pending');
    await apiClient(s.t).guests.choose(token, { start: times[1].start });
    expect((await view(token)).guest.response).toBe('accepted');
  });
});

describe("a staff member's own view of a meeting", () => {
  it('names the citizen, lets the case’s team manage it and a participant from elsewhere only answer', async () => {
    const seeded = await setup();
    const outsider = await createStaff(s.t);
    const ownId = await addStaffParticipant(s.t, seeded.meeting.id, outsider);
    const mine = await s.sw.api.meetings.get(seeded.meeting.id);
    expect(mine.citizenName).toBe(seeded.citizen.name);
    expect(mine.canManage).toBe(true);
    expect(mine.myParticipantId).toBe(mine.participants.find((p) => p.staffId === s.sw.id)?.id);

    const theirs = await outsider.api.meetings.get(seeded.meeting.id);
    expect(theirs.canManage).toBe(false);
    expect(theirs.participants.find((p) => p.staffId === outsider.id)?.id).toBe(ownId);
    expect(theirs.myParticipantId).toBe(ownId);

    const answered = await outsider.api.meetings.respond(seeded.meeting.id, { response: 'declined' });
    expect(answered.participants.find((p) => p.id === ownId)?.response).toBe('declined');
    expect(await auditCount(s.ds, { actorId: outsider.id, action: 'meeting.respond' })).toBe(1);
  });

  it('refuses an answer from staff who do not take part, and a bad answer', async () => {
    const seeded = await setup();
    const colleague = await createStaff(s.t, { teams: s.sw.teams });
    const respond = (who: Staff, response: 'accepted' | 'declined') =>
      who.api.meetings.respond(seeded.meeting.id, { response });
    expect((await problem(respond(colleague, 'accepted'))).status).toBe(404);
    expect((await problem(respond(s.sw, invalid('maybe')))).status).toBe(400);
    const stranger = await createStaff(s.t);
    expect((await problem(respond(stranger, 'accepted'))).status).toBe(404);
  });

  it('marks in a calendar which meetings the caller may manage', async () => {
    const seeded = await setup();
    const outsider = await createStaff(s.t);
    await addStaffParticipant(s.t, seeded.meeting.id, outsider);
    const window = { from: new Date().toISOString(), to: new Date(Date.now() + 3 * 86400_000).toISOString() };
    const list = async (who: Staff) =>
      (await who.api.meetings.list(window)).items.find((m) => m.id === seeded.meeting.id);
    expect((await list(s.sw))?.canManage).toBe(true);
    expect((await list(outsider))?.canManage).toBe(false);
    expect((await list(outsider))?.myParticipantId).not.toBeNull();
  });
});
