// A guest's link stays through every mail, move and choice; only "Nyt link" replaces it (and mails it);
// a link shows no one more than the staff member it was shown to may see; only staff of the case manage a meeting.
import type { GuestView } from '@tvaers/contracts';
import { GuestsService } from '@tvaers/api/src/guests/guests.service';
import { socketsPerTest } from '../support/app';
import { apiClient, invalid, problem } from '../support/client';
import { createCase, createEffort, createStaff, staffSuite, type Staff } from '../support/factories';
import { addStaffParticipant } from '../support/meeting-fixtures';
import { guestTokenIn, mailsTo, mailText as textOf, testSmtp } from '../support/smtp';
import { auditCount } from '../support/audit';

const smtp = testSmtp();
const s = staffSuite({ SMTP_URL: smtp.url, JOB_WORKERS: 'true' }, 'health');
const connect = socketsPerTest(() => s.t);

let daySeq = 0;
/** An hour some days ahead (whole hours, UTC), distinct per call. */
function time() {
  const start = new Date(Date.now() + (40 + (daySeq += 1)) * 24 * 3600_000);
  start.setUTCHours(9, 0, 0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + 3600_000).toISOString() };
}

/** A guest link's routes, as a guest's browser calls them. */
const guest = () => apiClient(s.t).guests;
/** Issues a participant's link ("Nyt link") as `by`; answers its token. */
const newLink = async (by: Staff, meetingId: string, participantId: string) =>
  (await by.api.meetings.issueLink(meetingId, participantId)).url.split('/').pop()!;

/** A meeting with proposed times, a doctor with an e-mail and the citizen (who has none). */
async function proposedWithDoctor() {
  const { citizen, kase } = await createCase(s.t, s.sw.cookie, s.sw.id, 0.01);
  const doctorEmail = `laege-stable-${Date.now()}-${daySeq}@example.dk`;
  const proposals = [time(), time()];
  const m = await s.sw.api.meetings.create({
    caseId: kase.id,
    proposals,
    participants: [{ kind: 'doctor', name: 'Læge Holm', email: doctorEmail }, { kind: 'citizen' }],
  });
  const doctor = m.participants.find((p) => p.kind === 'doctor')!;
  const citizenP = m.participants.find((p) => p.kind === 'citizen')!;
  return { m, kase, citizen, doctor, citizenP, doctorEmail, proposals };
}

describe('a stable link', () => {
  it('the link from the first mail works after the doctor chooses, in the scheduled invitation, and after a move', async () => {
    const { m, doctor, doctorEmail, proposals } = await proposedWithDoctor();
    const [first] = await mailsTo(doctorEmail, 1);
    const token = guestTokenIn(first)!;
    expect(token).toBeDefined();
    await guest().view(token);

    // The doctor's page is open (its live connection too) while the doctor chooses.
    const socket = await connect({}, { token });
    expect(await socket.timeout(5000).emitWithAck('meeting:join', { meetingId: m.id })).toEqual({ ok: true });
    await guest().choose(token, { start: proposals[1].start });

    // The invitation for the chosen time carries the same link, which still opens the meeting.
    const [, scheduled] = await mailsTo(doctorEmail, 2);
    expect(textOf(scheduled)).toContain('inviterer dig til et rundbordsmøde.');
    expect(guestTokenIn(scheduled)).toBe(token);
    expect(await guest().view(token)).toMatchObject({ meeting: { status: 'scheduled' } });
    await guest().giveHealthStatement(token, {
      workCapacity: 'partial',
      assessment: 'Kan arbejde 15 timer',
      recommendations: 'Gradvis optrapning',
    });
    expect(socket.connected).toBe(true);
    expect(await socket.timeout(5000).emitWithAck('meeting:join', { meetingId: m.id })).toEqual({ ok: true });

    // A move: its mail carries the same link too.
    await s.sw.api.meetings.update(m.id, time());
    const [, , moved] = await mailsTo(doctorEmail, 3);
    expect(textOf(moved)).toContain('Mødet er flyttet');
    expect(guestTokenIn(moved)).toBe(token);
    await guest().view(token);
    expect(socket.connected).toBe(true);

    // The meeting page tells that a link is out: made by Tværs for the mail, mailed, never shown to staff.
    const status = (await s.sw.api.meetings.get(m.id)).participants.find((p) => p.id === doctor.id)!.link;
    expect(status).toMatchObject({ issuedBy: { kind: 'system' }, copied: false });
    expect(status?.mailedAt).not.toBeNull();
  });

  it('mails the same link every time, and logs only the one issue', async () => {
    const { m, citizen, doctor } = await proposedWithDoctor();
    const guests = s.t.app.get(GuestsService);
    const a = await guests.linkForMail(m.id, doctor.id, s.sw.id, s.t.url);
    const b = await guests.linkForMail(m.id, doctor.id, s.sw.id, s.t.url);
    expect(b!.url).toBe(a!.url);
    expect(await auditCount(s.ds, { citizenId: citizen.id, action: 'meeting.link.issue' })).toBe(1);
    // Kept sealed, never in clear: the database holds neither the token nor its bytes.
    const dump = JSON.stringify(await s.ds.query(`SELECT * FROM guest_link WHERE participant_id = $1`, [doctor.id]));
    expect(dump).not.toContain(a!.url.split('/').pop()!);
  });

  it('"Nyt link" replaces the link, mails the new one, and the meeting page says who made it', async () => {
    const { m, doctor, doctorEmail } = await proposedWithDoctor();
    const [first] = await mailsTo(doctorEmail, 1);
    const old = guestTokenIn(first)!;
    const fresh = await newLink(s.sw, m.id, doctor.id);
    expect(fresh).not.toBe(old);
    expect((await problem(guest().view(old))).status).toBe(404);
    await guest().view(fresh);
    const [, mailed] = await mailsTo(doctorEmail, 2);
    expect(textOf(mailed)).toContain('Det gamle link virker ikke længere.');
    expect(guestTokenIn(mailed)).toBe(fresh);
    const status = (await s.sw.api.meetings.get(m.id)).participants.find((p) => p.id === doctor.id)!.link;
    expect(status).toMatchObject({ issuedBy: { kind: 'staff', name: s.sw.name }, copied: true });
    expect((await s.sw.api.meetings.get(m.id)).participants.find((p) => p.kind === 'staff')!.link).toBeNull();
  });
});

describe('a link shows no one more than they may see', () => {
  async function withHealthEffort() {
    const setup = await proposedWithDoctor();
    await createEffort(s.t, s.health.cookie, setup.kase.id, {
      type: 'psykoedukation',
      title: 'Psykoedukation om angst',
      discipline: 'health',
    });
    await createEffort(s.t, s.sw.cookie, setup.kase.id, { title: 'Mentor i butik' });
    return setup;
  }
  const titles = (view: GuestView) => (view.planExcerpt?.efforts ?? []).map((e) => e.title);

  it('a caseworker without health consent sees no hidden health effort nor the access log through a link', async () => {
    const { m, kase, citizen, citizenP, doctor } = await withHealthEffort();
    // The caseworker's own session hides the health effort.
    const plan = await s.sw.api.plan.get(kase.id);
    expect(plan.efforts.map((e) => e.title)).not.toContain('Psykoedukation om angst');
    // The citizen's own assessment (health data) is on the meeting; the caseworker's session hides it.
    await s.ds.query(`INSERT INTO own_assessment (case_id, meeting_id, participant_id, text) VALUES ($1, $2, $3, $4)`, [
      kase.id,
      m.id,
      citizenP.id,
      'Angsten fylder mindre',
    ]);
    const own = await s.sw.api.guests.ownAssessments(kase.id);
    expect(own.items).toEqual([]);
    // Every link the caseworker can obtain: the citizen's and the doctor's (with the excerpt consent).
    await s.sw.api.citizens.setConsent(citizen.id, 'plan_excerpt_to_doctor', { given: true });
    for (const p of [citizenP, doctor]) {
      const token = await newLink(s.sw, m.id, p.id);
      const view = await guest().view(token);
      expect(titles(view)).toContain('Mentor i butik');
      expect(titles(view)).not.toContain('Psykoedukation om angst');
      expect(view.planExcerpt?.ownAssessment).toBeNull();
      expect(await problem(guest().accessLog(token))).toMatchObject({
        status: 403,
        code: p.kind === 'citizen' ? 'GUEST_LINK_LIMITED' : 'FORBIDDEN',
      });
      // The citizen's page is told why, and by whom.
      expect(view.limitedBy).toEqual(p.kind === 'citizen' ? { name: s.sw.name } : null);
    }
    // The citizen's link mailed by Tværs (never shown to staff) opens the citizen's whole part.
    await s.sw.api.meetings.revokeLink(m.id, citizenP.id);
    const mailed = await s.t.app.get(GuestsService).linkForMail(m.id, citizenP.id, s.sw.id, s.t.url);
    const token = mailed!.url.split('/').pop()!;
    const view = await guest().view(token);
    expect(titles(view)).toContain('Psykoedukation om angst');
    expect(view.planExcerpt?.ownAssessment?.text).toBe('Angsten fylder mindre');
    expect(view.limitedBy).toBeNull();
    await guest().accessLog(token);
  });

  it('a health colleague copying the citizen link: health efforts show, the access log does not', async () => {
    const { m, citizenP } = await withHealthEffort();
    const token = await newLink(s.health, m.id, citizenP.id);
    const view = await guest().view(token);
    expect(titles(view)).toContain('Psykoedukation om angst');
    expect(view.limitedBy).toEqual({ name: s.health.name });
    expect((await problem(guest().accessLog(token))).status).toBe(403);
  });

  it('reads through a copied link name the staff member it was shown to in the access log', async () => {
    const { m, citizen, citizenP } = await proposedWithDoctor();
    const copied = await newLink(s.sw, m.id, citizenP.id);
    await guest().view(copied);
    const [row] = await s.ds.query<{ actor_kind: string; actor_id: string; purpose: string; details: unknown }[]>(
      `SELECT actor_kind, actor_id, purpose, details FROM audit_entry
        WHERE citizen_id = $1 AND action = 'meeting.read' AND actor_kind = 'guest' ORDER BY id DESC LIMIT 1`,
      [citizen.id],
    );
    expect(row).toMatchObject({
      actor_kind: 'guest',
      actor_id: citizenP.id,
      details: { copiedBy: { id: s.sw.id, name: s.sw.name } },
    });
    expect(row.purpose).toContain(s.sw.name);
    // The citizen reads it so on their own access log (through the link mailed to them).
    await s.sw.api.meetings.revokeLink(m.id, citizenP.id);
    const mailed = await s.t.app.get(GuestsService).linkForMail(m.id, citizenP.id, s.sw.id, s.t.url);
    const log = await guest().accessLog(mailed!.url.split('/').pop()!);
    expect(log.items.some((i) => i.actor.id === citizenP.id && i.purpose === row.purpose)).toBe(true);
  });
});

describe('who manages a meeting', () => {
  it('a staff participant of another team reads the meeting and answers, but neither moves it nor issues links', async () => {
    const { m, doctor } = await proposedWithDoctor();
    const other = await createStaff(s.t);
    const mine = await addStaffParticipant(s.t, m.id, other);
    const seen = await other.api.meetings.get(m.id);
    expect(seen).toMatchObject({ canManage: false, myParticipantId: mine });
    expect(await s.sw.api.meetings.get(m.id)).toMatchObject({ canManage: true });

    const meetings = other.api.meetings;
    expect((await problem(meetings.issueLink(m.id, doctor.id))).status).toBe(404);
    expect((await problem(meetings.revokeLink(m.id, doctor.id))).status).toBe(404);
    expect((await problem(meetings.update(m.id, time()))).status).toBe(404);
    expect((await problem(meetings.update(m.id, { status: 'cancelled' }))).status).toBe(404);

    const answered = await other.api.meetings.respond(m.id, { response: 'declined' });
    expect(answered.participants).toContainEqual(expect.objectContaining({ id: mine, response: 'declined' }));
    const [row] = await s.ds.query<{ actor_id: string; entity_id: string; details: unknown }[]>(
      `SELECT actor_id, entity_id, details FROM audit_entry WHERE action = 'meeting.respond' AND actor_id = $1`,
      [other.id],
    );
    expect(row).toMatchObject({ entity_id: mine, details: { response: 'declined' } });
    expect((await problem(other.api.meetings.respond(m.id, { response: invalid('maybe') }))).status).toBe(400);
  });

  it('a colleague of the case who does not take part manages it but has nothing to answer', async () => {
    const { m } = await proposedWithDoctor();
    const seen = await s.health.api.meetings.get(m.id);
    expect(seen).toMatchObject({ canManage: true, myParticipantId: null });
    expect((await problem(s.health.api.meetings.respond(m.id, { response: 'accepted' }))).status).toBe(404);
  });
});
