// Guest links (docs/api.md "Guest links"): one participant of one meeting, a hashed secret, 404 for anything else.
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { createLogger } from '@tvaers/api/src/common/logging/logger';
import { GUEST_MAX_MISSES } from '@tvaers/api/src/guests/guest-throttle';
import { GuestsService } from '@tvaers/api/src/guests/guests.service';
import { startTestApp, type TestApp } from '../support/app';
import {
  addGuestParticipant,
  createCase,
  createEffort,
  createMeeting,
  createStaff,
  proposeTimes,
  type Staff,
} from '../support/factories';

let t: TestApp;
let ds: DataSource;
let sw: Staff;
let health: Staff;
const logLines: string[] = [];
const issuedTokens: string[] = [];

beforeAll(async () => {
  const sink = new Writable({ write: (chunk, _e, cb) => (logLines.push(String(chunk)), cb()) });
  // Trusts 127.0.0.1, so a test can speak from an address of its own (X-Forwarded-For) for the rate limit.
  t = await startTestApp({ TRUST_PROXY: '127.0.0.1' }, createLogger('info', sink));
  ds = t.app.get(DataSource);
  sw = await createStaff(t);
  health = await createStaff(t, { kind: 'health', teams: sw.teams });
});
afterAll(() => t.close());

let addressSeq = 0;
/** An address of the test's own, so no other test's requests count against it. */
const newAddress = () => `198.51.100.${(addressSeq += 1)}`;

interface Setup {
  caseId: string;
  citizenId: string;
  meetingId: string;
  doctor: { id: string; name: string };
  citizen: { id: string; name: string };
  other: { id: string; name: string };
}

async function setup(): Promise<Setup> {
  const { citizen, kase } = await createCase(t, sw.cookie, sw.id, 0.01);
  const meeting = await createMeeting(t, kase.id, sw);
  return {
    caseId: kase.id,
    citizenId: citizen.id,
    meetingId: meeting.id,
    doctor: await addGuestParticipant(t, meeting.id, 'doctor'),
    citizen: await addGuestParticipant(t, meeting.id, 'citizen', citizen.name),
    other: await addGuestParticipant(t, meeting.id, 'guest'),
  };
}

const linkPath = (meetingId: string, participantId: string) =>
  `/api/meetings/${meetingId}/participants/${participantId}/link`;

async function issue(
  meetingId: string,
  participantId: string,
): Promise<{ token: string; url: string; expiresAt: string }> {
  const res = await t.http().post(linkPath(meetingId, participantId)).set('cookie', sw.cookie).send({}).expect(201);
  const body = res.body as { url: string; expiresAt: string };
  const token = body.url.split('/').pop()!;
  issuedTokens.push(token);
  return { token, ...body };
}

const guestGet = (token: string, path = '', address?: string) => {
  const req = t.http().get(`/api/guest/${token}${path}`);
  return address ? req.set('x-forwarded-for', address) : req;
};
const guestPost = (token: string, path: string, body: object) =>
  t.http().post(`/api/guest/${token}/${path}`).send(body);

/** A 404 that says nothing but that: the problem document's own fields, no meeting, no participant. */
function expectBare404(res: Response) {
  expect(res.status).toBe(404);
  expect(res.body).toEqual({
    type: 'about:blank',
    status: 404,
    title: 'Not Found',
    detail: 'Resource not found.',
    code: 'NOT_FOUND',
  });
  expect((res.body as { code: string }).code).toBe('NOT_FOUND');
}

describe('issuing and revoking', () => {
  it('issues an absolute link to /m/<token> with 256 random bits, ending 7 days after the meeting', async () => {
    const s = await setup();
    const link = await issue(s.meetingId, s.doctor.id);
    // The listen address (no PUBLIC_BASE_URL here), never the Host header the request came with.
    expect(link.url).toBe(`http://127.0.0.1:${new URL(t.url).port}/m/${link.token}`);
    expect(Buffer.from(link.token, 'base64url')).toHaveLength(32);
    const [{ end_at }] = await ds.query<{ end_at: Date }[]>(`SELECT end_at FROM meeting WHERE id = $1`, [s.meetingId]);
    expect(Date.parse(link.expiresAt)).toBe(end_at.getTime() + 7 * 86_400_000);
    const res = await guestGet(link.token).expect(200);
    expect(res.body).toMatchObject({
      meeting: { id: s.meetingId, status: 'scheduled' },
      guest: { participantId: s.doctor.id, kind: 'doctor', name: s.doctor.name },
    });
  });

  it('keeps only the hash of the token in the database', async () => {
    const s = await setup();
    const { token } = await issue(s.meetingId, s.doctor.id);
    const rows = await ds.query<{ token_hash: Buffer }[]>(`SELECT * FROM guest_link WHERE participant_id = $1`, [
      s.doctor.id,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash.equals(createHash('sha256').update(token).digest())).toBe(true);
    const dump = JSON.stringify(await ds.query(`SELECT *, token_hash::text AS hex FROM guest_link`));
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(Buffer.from(token, 'base64url').toString('hex'));
  });

  it('replaces the previous link of the participant', async () => {
    const s = await setup();
    const first = await issue(s.meetingId, s.doctor.id);
    const second = await issue(s.meetingId, s.doctor.id);
    expectBare404(await guestGet(first.token));
    await guestGet(second.token).expect(200);
  });

  it('revokes a link: it is a 404 from then on', async () => {
    const s = await setup();
    const { token } = await issue(s.meetingId, s.doctor.id);
    await t.http().delete(linkPath(s.meetingId, s.doctor.id)).set('cookie', sw.cookie).expect(204);
    expectBare404(await guestGet(token));
  });

  it('answers a tampered token with a bare 404', async () => {
    const s = await setup();
    const { token } = await issue(s.meetingId, s.doctor.id);
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expectBare404(await guestGet(tampered));
    expectBare404(await guestPost(tampered, 'response', { response: 'accepted' }));
  });

  it('answers an expired link (7 days after the meeting) with a bare 404', async () => {
    const s = await setup();
    const { token } = await issue(s.meetingId, s.doctor.id);
    await ds.query(
      `UPDATE meeting SET start_at = now() - interval '8 days 1 hour', end_at = now() - interval '8 days' WHERE id = $1`,
      [s.meetingId],
    );
    expectBare404(await guestGet(token));
  });

  it('logs a link issued for a mailed invitation, as the staff route does', async () => {
    const s = await setup();
    const link = await t.app.get(GuestsService).linkForMail(s.meetingId, s.doctor.id, sw.id, t.url);
    expect(link).not.toBeNull();
    await guestGet(link!.url.split('/').pop()!).expect(200);
    const rows = await ds.query<{ actor_kind: string; action: string; entity_id: string }[]>(
      `SELECT actor_kind, action, entity_id FROM audit_entry WHERE citizen_id = $1 AND action = 'meeting.link.issue'`,
      [s.citizenId],
    );
    expect(rows).toEqual([{ actor_kind: 'system', action: 'meeting.link.issue', entity_id: s.doctor.id }]);
    // Nothing issued (a staff participant): nothing logged.
    const [staffP] = await ds.query<{ id: string }[]>(
      `SELECT id FROM meeting_participant WHERE meeting_id = $1 AND kind = 'staff'`,
      [s.meetingId],
    );
    expect(await t.app.get(GuestsService).linkForMail(s.meetingId, staffP.id, sw.id, t.url)).toBeNull();
    const [{ n }] = await ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_entry WHERE citizen_id = $1 AND action = 'meeting.link.issue'`,
      [s.citizenId],
    );
    expect(n).toBe(1);
  });

  it('gives no link to a staff participant, nor to a participant of another meeting', async () => {
    const s = await setup();
    const other = await setup();
    const [staffP] = await ds.query<{ id: string }[]>(
      `SELECT id FROM meeting_participant WHERE meeting_id = $1 AND kind = 'staff'`,
      [s.meetingId],
    );
    await t.http().post(linkPath(s.meetingId, staffP.id)).set('cookie', sw.cookie).send({}).expect(400);
    await t.http().post(linkPath(s.meetingId, other.doctor.id)).set('cookie', sw.cookie).send({}).expect(404);
  });
});

describe('what a link opens', () => {
  it('never shows or changes another meeting', async () => {
    const a = await setup();
    const b = await setup();
    const times = await proposeTimes(t, a.meetingId, [30, 31]);
    // Other times: the same caseworker takes part in both, and an open proposal keeps its time taken.
    await proposeTimes(t, b.meetingId, [34, 35]);
    const { token } = await issue(a.meetingId, a.doctor.id);
    const view = await guestGet(token).expect(200);
    expect(JSON.stringify(view.body)).not.toContain(b.meetingId);
    await guestPost(token, 'choose', { start: times[0].start }).expect(200);
    await guestPost(token, 'response', { response: 'declined' }).expect(200);
    const [mb] = await ds.query<{ status: string }[]>(`SELECT status FROM meeting WHERE id = $1`, [b.meetingId]);
    expect(mb.status).toBe('proposed');
    const [pb] = await ds.query<{ response: string }[]>(`SELECT response FROM meeting_participant WHERE id = $1`, [
      b.doctor.id,
    ]);
    expect(pb.response).toBe('pending');
  });

  it('lets the doctor choose a proposal: the meeting is scheduled at it', async () => {
    const s = await setup();
    const times = await proposeTimes(t, s.meetingId, [50, 52, 54]);
    const { token } = await issue(s.meetingId, s.doctor.id);
    const res = await guestPost(token, 'choose', { start: times[1].start }).expect(200);
    expect(res.body).toMatchObject({ id: s.meetingId, status: 'scheduled', start: times[1].start, end: times[1].end });
    const staffView = await sw.api.meetings.get(s.meetingId);
    expect(staffView).toMatchObject({ status: 'scheduled', start: times[1].start, end: times[1].end });
  });

  it('refuses a time that was not proposed (400), and a second choice (409)', async () => {
    const s = await setup();
    const times = await proposeTimes(t, s.meetingId, [60, 62]);
    const { token } = await issue(s.meetingId, s.doctor.id);
    const notProposed = new Date(Date.parse(times[0].start) + 30 * 60_000).toISOString();
    const bad = await guestPost(token, 'choose', { start: notProposed });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'NOT_A_PROPOSED_TIME', errors: [{ path: 'start' }] });
    await guestPost(token, 'choose', { start: times[0].start }).expect(200);
    const again = await guestPost(token, 'choose', { start: times[1].start }).expect(409);
    expect((again.body as { code: string }).code).toBe('MEETING_NOT_PROPOSED');
  });

  it('refuses a proposal a staff participant has since been booked at (409), and the meeting stays proposed', async () => {
    const s = await setup();
    const times = await proposeTimes(t, s.meetingId, [80, 82]);
    const { kase } = await createCase(t, sw.cookie, sw.id, 0.01);
    await createMeeting(t, kase.id, sw, { start: new Date(times[0].start), end: new Date(times[0].end) });
    const { token } = await issue(s.meetingId, s.doctor.id);
    const clash = await guestPost(token, 'choose', { start: times[0].start }).expect(409);
    expect((clash.body as { code: string }).code).toBe('MEETING_CONFLICT');
    expect((await sw.api.meetings.get(s.meetingId)).status).toBe('proposed');
    await guestPost(token, 'choose', { start: times[1].start }).expect(200);
  });

  it('lets only the doctor choose', async () => {
    const s = await setup();
    const times = await proposeTimes(t, s.meetingId, [70, 72]);
    for (const p of [s.citizen, s.other]) {
      const { token } = await issue(s.meetingId, p.id);
      await guestPost(token, 'choose', { start: times[0].start }).expect(403);
    }
  });

  it('takes a health statement from the doctor only, onto the case', async () => {
    const s = await setup();
    const statement = {
      workCapacity: 'partial',
      assessment: 'Kan arbejde 15 timer',
      recommendations: 'Gradvis opstart',
    };
    for (const p of [s.citizen, s.other]) {
      const { token } = await issue(s.meetingId, p.id);
      await guestPost(token, 'health-statement', statement).expect(403);
    }
    const { token } = await issue(s.meetingId, s.doctor.id);
    const res = await guestPost(token, 'health-statement', statement).expect(201);
    expect(res.body).toMatchObject({
      ...statement,
      caseId: s.caseId,
      meetingId: s.meetingId,
      doctorName: s.doctor.name,
    });
    const list = await t
      .http()
      .get(`/api/cases/${s.caseId}/health-statements`)
      .set('cookie', health.cookie)
      .expect(200);
    expect(list.body).toMatchObject({ items: [{ id: (res.body as { id: string }).id }], healthHidden: false });
  });

  it('takes an own assessment from the citizen only', async () => {
    const s = await setup();
    for (const p of [s.doctor, s.other]) {
      const { token } = await issue(s.meetingId, p.id);
      await guestPost(token, 'own-assessment', { text: 'Jeg har det bedre' }).expect(403);
    }
    const { token } = await issue(s.meetingId, s.citizen.id);
    const res = await guestPost(token, 'own-assessment', { text: 'Jeg har det bedre', wellbeing: 6 }).expect(201);
    expect(res.body).toMatchObject({ text: 'Jeg har det bedre', wellbeing: 6, caseId: s.caseId });
    await guestPost(token, 'own-assessment', { text: 'x', wellbeing: 11 }).expect(400);
  });

  it("shows statements to the team's non-health staff only with the citizen's health_in_unit consent", async () => {
    const s = await setup();
    const { token } = await issue(s.meetingId, s.doctor.id);
    await guestPost(token, 'health-statement', {
      workCapacity: 'none',
      assessment: 'Ikke arbejdsdygtig',
      recommendations: 'Behandling først',
    }).expect(201);
    const list = () => t.http().get(`/api/cases/${s.caseId}/health-statements`).set('cookie', sw.cookie).expect(200);
    expect((await list()).body).toEqual({ items: [], healthHidden: true });
    await sw.api.citizens.setConsent(s.citizenId, 'health_in_unit', { given: true });
    expect(((await list()).body as { items: unknown[] }).items).toHaveLength(1);
  });

  it("shows the doctor no plan excerpt without the citizen's consent, and the consented part with it", async () => {
    const s = await setup();
    await sw.api.plan.update(s.caseId, 1, { citizenGoal: 'Job i en butik', jobGoal: 'Butiksassistent' });
    await createEffort(t, sw.cookie, s.caseId, { title: 'Mentor i butik' });
    await createEffort(t, health.cookie, s.caseId, {
      type: 'behandling',
      title: 'Angstbehandling',
      discipline: 'health',
    });
    const { token } = await issue(s.meetingId, s.doctor.id);
    expect((await guestGet(token).expect(200)).body).toMatchObject({ planExcerpt: null });
    await sw.api.citizens.setConsent(s.citizenId, 'plan_excerpt_to_doctor', { given: true });
    const excerpt = (await guestGet(token).expect(200)).body as { planExcerpt: { efforts: { title: string }[] } };
    expect(excerpt.planExcerpt).toMatchObject({ citizenGoal: 'Job i en butik', jobGoal: 'Butiksassistent' });
    // Health efforts only where the unit itself may see them (health_in_unit).
    expect(excerpt.planExcerpt.efforts.map((e) => e.title)).toEqual(['Mentor i butik']);
    const other = await issue(s.meetingId, s.other.id);
    expect((await guestGet(other.token).expect(200)).body).toMatchObject({ planExcerpt: null });
  });

  it("shows the citizen who read their data, the doctor's read included; other links may not", async () => {
    const s = await setup();
    const doctor = await issue(s.meetingId, s.doctor.id);
    await guestGet(doctor.token).expect(200);
    // A link shown to the caseworker (who reads no access logs) does not open the log either.
    const copied = await issue(s.meetingId, s.citizen.id);
    const limited = await guestGet(copied.token, '/access-log').expect(403);
    expect(limited.body).toMatchObject({ code: 'GUEST_LINK_LIMITED' });
    await t.http().delete(linkPath(s.meetingId, s.citizen.id)).set('cookie', sw.cookie).expect(204);
    // The link Tværs mails the citizen was never shown to staff: it opens the citizen's whole part.
    const mailed = await t.app.get(GuestsService).linkForMail(s.meetingId, s.citizen.id, sw.id, t.url);
    const citizen = { token: mailed!.url.split('/').pop()! };
    issuedTokens.push(citizen.token);
    const log = (await guestGet(citizen.token, '/access-log').expect(200)).body as {
      items: { actor: { kind: string; name: string; id: string }; action: string }[];
      nextCursor: string | null;
    };
    expect(log.items).toContainEqual(
      expect.objectContaining({
        actor: { id: s.doctor.id, name: s.doctor.name, kind: 'guest' },
        action: 'meeting.read',
      }),
    );
    await guestGet(doctor.token, '/access-log').expect(403);
    await guestGet(citizen.token, '/access-log?limit=0').expect(400);
  });

  it('records the response of a guest', async () => {
    const s = await setup();
    const { token } = await issue(s.meetingId, s.other.id);
    const res = await guestPost(token, 'response', { response: 'accepted' }).expect(200);
    expect(res.body).toMatchObject({ participantId: s.other.id, kind: 'guest', response: 'accepted' });
    expect((await sw.api.meetings.get(s.meetingId)).participants).toContainEqual(
      expect.objectContaining({ id: s.other.id, response: 'accepted' }),
    );
  });
});

describe('guarding the links', () => {
  it(`rate-limits an address after ${GUEST_MAX_MISSES} unknown links (429), valid links included`, async () => {
    const s = await setup();
    const { token } = await issue(s.meetingId, s.doctor.id);
    const from = newAddress();
    for (let i = 0; i < GUEST_MAX_MISSES; i++) {
      await guestGet(`unknown-${i}`, '', from).expect(404);
    }
    const limited = await guestGet(`unknown-x`, '', from).expect(429);
    expect((limited.body as { code: string }).code).toBe('TOO_MANY_REQUESTS');
    await guestGet(token, '', from).expect(429);
    await guestGet(token, '', newAddress()).expect(200);
  });

  it('counts a guest socket by the same client address as HTTP (TRUST_PROXY)', async () => {
    const s = await setup();
    const { token } = await issue(s.meetingId, s.doctor.id);
    const from = newAddress();
    for (let i = 0; i < GUEST_MAX_MISSES; i++) await guestGet(`unknown-${i}`, '', from).expect(404);
    await expect(t.connect({ 'x-forwarded-for': from }, { token })).rejects.toThrow('TOO_MANY_REQUESTS');
    const other = await t.connect({ 'x-forwarded-for': newAddress() }, { token });
    other.close();
  });

  it('counts valid links as no misses', async () => {
    const s = await setup();
    const { token } = await issue(s.meetingId, s.doctor.id);
    const from = newAddress();
    for (let i = 0; i < GUEST_MAX_MISSES + 5; i++) await guestGet(token, '', from).expect(200);
  });

  it('sends Referrer-Policy: no-referrer on the guest page, the guest API and the rest', async () => {
    for (const path of ['/m/some-token', '/api/guest/some-token', '/api/health', '/']) {
      const res = await t.http().get(path);
      expect({ path, policy: res.headers['referrer-policy'] }).toEqual({ path, policy: 'no-referrer' });
    }
  });

  // Last: every token this file issued and used.
  it('never writes a token to the log', () => {
    expect(issuedTokens.length).toBeGreaterThan(10);
    const log = logLines.join('');
    expect(log).toContain('/api/guest/[token]');
    for (const token of issuedTokens) expect(log).not.toContain(token);
  });
});
