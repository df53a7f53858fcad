// A guest's link stays through every mail, move and choice; only "Nyt link" replaces it (and mails it);
// a link shows no one more than the staff member it was shown to may see; only staff of the case manage a meeting.
import type { Meeting } from '@tvaers/contracts';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { GuestsService } from '@tvaers/api/src/guests/guests.service';
import { startTestApp, type TestApp } from '../support/app';
import { createCase, createEffort, createStaff, type Staff } from '../support/factories';
import { guestTokenIn, mailsTo, mailText as textOf, testSmtp } from '../support/smtp';

const smtp = testSmtp();
let t: TestApp;
let ds: DataSource;
let sw: Staff;
let health: Staff;
const sockets: Socket[] = [];

beforeAll(async () => {
  t = await startTestApp({ SMTP_URL: smtp.url, JOB_WORKERS: 'true' });
  ds = t.app.get(DataSource);
  sw = await createStaff(t);
  health = await createStaff(t, { kind: 'health', teams: sw.teams });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

let daySeq = 0;
/** An hour some days ahead (whole hours, UTC), distinct per call. */
function time() {
  const start = new Date(Date.now() + (40 + (daySeq += 1)) * 24 * 3600_000);
  start.setUTCHours(9, 0, 0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + 3600_000).toISOString() };
}

const linkPath = (meetingId: string, participantId: string) =>
  `/api/meetings/${meetingId}/participants/${participantId}/link`;
const guestGet = (token: string, path = '') => t.http().get(`/api/guest/${token}${path}`);
const getMeeting = async (id: string, cookie = sw.cookie) =>
  (await t.http().get(`/api/meetings/${id}`).set('cookie', cookie).expect(200)).body as Meeting;

/** A meeting with proposed times, a doctor with an e-mail and the citizen (who has none). */
async function proposedWithDoctor() {
  const { citizen, kase } = await createCase(t, sw.cookie, sw.id, 0.01);
  const doctorEmail = `laege-stable-${Date.now()}-${daySeq}@example.dk`;
  const proposals = [time(), time()];
  const m = await sw.api.meetings.create({
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
    await guestGet(token).expect(200);

    // The doctor's page is open (its live connection too) while the doctor chooses.
    const socket = await t.connect({}, { token });
    sockets.push(socket);
    expect(await socket.timeout(5000).emitWithAck('meeting:join', { meetingId: m.id })).toEqual({ ok: true });
    await t.http().post(`/api/guest/${token}/choose`).send({ start: proposals[1].start }).expect(200);

    // The invitation for the chosen time carries the same link, which still opens the meeting.
    const [, scheduled] = await mailsTo(doctorEmail, 2);
    expect(textOf(scheduled)).toContain('inviterer dig til et rundbordsmøde.');
    expect(guestTokenIn(scheduled)).toBe(token);
    expect((await guestGet(token).expect(200)).body).toMatchObject({ meeting: { status: 'scheduled' } });
    await t
      .http()
      .post(`/api/guest/${token}/health-statement`)
      .send({ workCapacity: 'partial', assessment: 'Kan arbejde 15 timer', recommendations: 'Gradvis optrapning' })
      .expect(201);
    expect(socket.connected).toBe(true);
    expect(await socket.timeout(5000).emitWithAck('meeting:join', { meetingId: m.id })).toEqual({ ok: true });

    // A move: its mail carries the same link too.
    await t.http().patch(`/api/meetings/${m.id}`).set('cookie', sw.cookie).send(time()).expect(200);
    const [, , moved] = await mailsTo(doctorEmail, 3);
    expect(textOf(moved)).toContain('Mødet er flyttet');
    expect(guestTokenIn(moved)).toBe(token);
    await guestGet(token).expect(200);
    expect(socket.connected).toBe(true);

    // The meeting page tells that a link is out: made by Tværs for the mail, mailed, never shown to staff.
    const status = (await getMeeting(m.id)).participants.find((p) => p.id === doctor.id)!.link;
    expect(status).toMatchObject({ issuedBy: { kind: 'system' }, copied: false });
    expect(status?.mailedAt).not.toBeNull();
  });

  it('mails the same link every time, and logs only the one issue', async () => {
    const { m, citizen, doctor } = await proposedWithDoctor();
    const guests = t.app.get(GuestsService);
    const a = await guests.linkForMail(m.id, doctor.id, sw.id, t.url);
    const b = await guests.linkForMail(m.id, doctor.id, sw.id, t.url);
    expect(b!.url).toBe(a!.url);
    const [{ n }] = await ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_entry WHERE citizen_id = $1 AND action = 'meeting.link.issue'`,
      [citizen.id],
    );
    expect(n).toBe(1);
    // Kept sealed, never in clear: the database holds neither the token nor its bytes.
    const dump = JSON.stringify(await ds.query(`SELECT * FROM guest_link WHERE participant_id = $1`, [doctor.id]));
    expect(dump).not.toContain(a!.url.split('/').pop()!);
  });

  it('"Nyt link" replaces the link, mails the new one, and the meeting page says who made it', async () => {
    const { m, doctor, doctorEmail } = await proposedWithDoctor();
    const [first] = await mailsTo(doctorEmail, 1);
    const old = guestTokenIn(first)!;
    const res = await t.http().post(linkPath(m.id, doctor.id)).set('cookie', sw.cookie).send({}).expect(201);
    const fresh = (res.body as { url: string }).url.split('/').pop()!;
    expect(fresh).not.toBe(old);
    await guestGet(old).expect(404);
    await guestGet(fresh).expect(200);
    const [, mailed] = await mailsTo(doctorEmail, 2);
    expect(textOf(mailed)).toContain('Det gamle link virker ikke længere.');
    expect(guestTokenIn(mailed)).toBe(fresh);
    const status = (await getMeeting(m.id)).participants.find((p) => p.id === doctor.id)!.link;
    expect(status).toMatchObject({ issuedBy: { kind: 'staff', name: sw.name }, copied: true });
    expect((await getMeeting(m.id)).participants.find((p) => p.kind === 'staff')!.link).toBeNull();
  });
});

describe('a link shows no one more than they may see', () => {
  async function withHealthEffort() {
    const setup = await proposedWithDoctor();
    await createEffort(t, health.cookie, setup.kase.id, {
      type: 'psykoedukation',
      title: 'Psykoedukation om angst',
      discipline: 'health',
    });
    await createEffort(t, sw.cookie, setup.kase.id, { title: 'Mentor i butik' });
    return setup;
  }
  const titles = (body: unknown) =>
    ((body as { planExcerpt: { efforts: { title: string }[] } | null }).planExcerpt?.efforts ?? []).map((e) => e.title);

  it('a caseworker without health consent sees no hidden health effort nor the access log through a link', async () => {
    const { m, kase, citizen, citizenP, doctor } = await withHealthEffort();
    // The caseworker's own session hides the health effort.
    const plan = (await t.http().get(`/api/cases/${kase.id}/plan`).set('cookie', sw.cookie).expect(200)).body as {
      efforts: { title: string }[];
    };
    expect(plan.efforts.map((e) => e.title)).not.toContain('Psykoedukation om angst');
    // The citizen's own assessment (health data) is on the meeting; the caseworker's session hides it.
    await ds.query(`INSERT INTO own_assessment (case_id, meeting_id, participant_id, text) VALUES ($1, $2, $3, $4)`, [
      kase.id,
      m.id,
      citizenP.id,
      'Angsten fylder mindre',
    ]);
    const own = (await t.http().get(`/api/cases/${kase.id}/own-assessments`).set('cookie', sw.cookie).expect(200))
      .body as { items: unknown[] };
    expect(own.items).toEqual([]);
    // Every link the caseworker can obtain: the citizen's and the doctor's (with the excerpt consent).
    await sw.api.citizens.setConsent(citizen.id, 'plan_excerpt_to_doctor', { given: true });
    for (const p of [citizenP, doctor]) {
      const res = await t.http().post(linkPath(m.id, p.id)).set('cookie', sw.cookie).send({}).expect(201);
      const token = (res.body as { url: string }).url.split('/').pop()!;
      const view = (await guestGet(token).expect(200)).body as {
        limitedBy: { name: string } | null;
        planExcerpt: { ownAssessment: unknown };
      };
      expect(titles(view)).toContain('Mentor i butik');
      expect(titles(view)).not.toContain('Psykoedukation om angst');
      expect(view.planExcerpt.ownAssessment).toBeNull();
      const log = await guestGet(token, '/access-log').expect(403);
      expect((log.body as { code: string }).code).toBe(p.kind === 'citizen' ? 'GUEST_LINK_LIMITED' : 'FORBIDDEN');
      // The citizen's page is told why, and by whom.
      expect(view.limitedBy).toEqual(p.kind === 'citizen' ? { name: sw.name } : null);
    }
    // The citizen's link mailed by Tværs (never shown to staff) opens the citizen's whole part.
    await t.http().delete(linkPath(m.id, citizenP.id)).set('cookie', sw.cookie).expect(204);
    const mailed = await t.app.get(GuestsService).linkForMail(m.id, citizenP.id, sw.id, t.url);
    const token = mailed!.url.split('/').pop()!;
    const view = (await guestGet(token).expect(200)).body as {
      limitedBy: unknown;
      planExcerpt: { ownAssessment: { text: string } | null };
    };
    expect(titles(view)).toContain('Psykoedukation om angst');
    expect(view.planExcerpt.ownAssessment?.text).toBe('Angsten fylder mindre');
    expect(view.limitedBy).toBeNull();
    await guestGet(token, '/access-log').expect(200);
  });

  it('a health colleague copying the citizen link: health efforts show, the access log does not', async () => {
    const { m, citizenP } = await withHealthEffort();
    const res = await t.http().post(linkPath(m.id, citizenP.id)).set('cookie', health.cookie).send({}).expect(201);
    const token = (res.body as { url: string }).url.split('/').pop()!;
    const view = (await guestGet(token).expect(200)).body as { limitedBy: unknown };
    expect(titles(view)).toContain('Psykoedukation om angst');
    expect(view.limitedBy).toEqual({ name: health.name });
    await guestGet(token, '/access-log').expect(403);
  });

  it('reads through a copied link name the staff member it was shown to in the access log', async () => {
    const { m, citizen, citizenP } = await proposedWithDoctor();
    const res = await t.http().post(linkPath(m.id, citizenP.id)).set('cookie', sw.cookie).send({}).expect(201);
    const copied = (res.body as { url: string }).url.split('/').pop()!;
    await guestGet(copied).expect(200);
    const [row] = await ds.query<{ actor_kind: string; actor_id: string; purpose: string; details: unknown }[]>(
      `SELECT actor_kind, actor_id, purpose, details FROM audit_entry
        WHERE citizen_id = $1 AND action = 'meeting.read' AND actor_kind = 'guest' ORDER BY id DESC LIMIT 1`,
      [citizen.id],
    );
    expect(row).toMatchObject({
      actor_kind: 'guest',
      actor_id: citizenP.id,
      details: { copiedBy: { id: sw.id, name: sw.name } },
    });
    expect(row.purpose).toContain(sw.name);
    // The citizen reads it so on their own access log (through the link mailed to them).
    await t.http().delete(linkPath(m.id, citizenP.id)).set('cookie', sw.cookie).expect(204);
    const mailed = await t.app.get(GuestsService).linkForMail(m.id, citizenP.id, sw.id, t.url);
    const log = (await guestGet(mailed!.url.split('/').pop()!, '/access-log').expect(200)).body as {
      items: { actor: { id: string }; action: string; purpose: string | null }[];
    };
    expect(log.items.some((i) => i.actor.id === citizenP.id && i.purpose === row.purpose)).toBe(true);
  });
});

describe('who manages a meeting', () => {
  it('a staff participant of another team reads the meeting and answers, but neither moves it nor issues links', async () => {
    const { m, doctor } = await proposedWithDoctor();
    const other = await createStaff(t);
    const [{ id: mine }] = await ds.query<{ id: string }[]>(
      `INSERT INTO meeting_participant (meeting_id, kind, staff_id, name) VALUES ($1, 'staff', $2, $3) RETURNING id`,
      [m.id, other.id, other.name],
    );
    const seen = await getMeeting(m.id, other.cookie);
    expect(seen).toMatchObject({ canManage: false, myParticipantId: mine });
    expect(await getMeeting(m.id)).toMatchObject({ canManage: true });

    await t.http().post(linkPath(m.id, doctor.id)).set('cookie', other.cookie).send({}).expect(404);
    await t.http().delete(linkPath(m.id, doctor.id)).set('cookie', other.cookie).expect(404);
    await t.http().patch(`/api/meetings/${m.id}`).set('cookie', other.cookie).send(time()).expect(404);
    await t.http().patch(`/api/meetings/${m.id}`).set('cookie', other.cookie).send({ status: 'cancelled' }).expect(404);

    const answered = await t
      .http()
      .post(`/api/meetings/${m.id}/response`)
      .set('cookie', other.cookie)
      .send({ response: 'declined' })
      .expect(200);
    expect((answered.body as Meeting).participants).toContainEqual(
      expect.objectContaining({ id: mine, response: 'declined' }),
    );
    const [row] = await ds.query<{ actor_id: string; entity_id: string; details: unknown }[]>(
      `SELECT actor_id, entity_id, details FROM audit_entry WHERE action = 'meeting.respond' AND actor_id = $1`,
      [other.id],
    );
    expect(row).toMatchObject({ entity_id: mine, details: { response: 'declined' } });
    await t
      .http()
      .post(`/api/meetings/${m.id}/response`)
      .set('cookie', other.cookie)
      .send({ response: 'maybe' })
      .expect(400);
  });

  it('a colleague of the case who does not take part manages it but has nothing to answer', async () => {
    const { m } = await proposedWithDoctor();
    const seen = await getMeeting(m.id, health.cookie);
    expect(seen).toMatchObject({ canManage: true, myParticipantId: null });
    await t
      .http()
      .post(`/api/meetings/${m.id}/response`)
      .set('cookie', health.cookie)
      .send({ response: 'accepted' })
      .expect(404);
  });
});
