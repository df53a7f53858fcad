// Guest links (docs/api.md "Guest links"): one participant of one meeting, a hashed secret, 404 for anything else.
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { createLogger } from '@tvaers/api/src/common/logging/logger';
import { GUEST_MAX_MISSES } from '@tvaers/api/src/guests/guest-throttle';
import { GuestsService } from '@tvaers/api/src/guests/guests.service';
import { startTestApp, type TestApp } from '../support/app';
import { apiClient, expectProblem, offContract, problem, type WireResponse } from '../support/client';
import {
  addGuestParticipant,
  createCase,
  createEffort,
  createMeeting,
  createStaff,
  proposeTimes,
  type Staff,
} from '../support/factories';
import { auditCount } from '../support/audit';

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

async function issue(meetingId: string, participantId: string) {
  const link = await sw.api.meetings.issueLink(meetingId, participantId);
  const token = link.url.split('/').pop()!;
  issuedTokens.push(token);
  return { token, ...link };
}

/** A guest link's routes, as a guest's browser calls them. */
const guest = () => apiClient(t).guests;
/** The exchange of a guest link's page, from this client address if given (for the rate limit). */
const viewed = (token: string, address?: string) =>
  apiClient(t).wire('get', '/api/guest/{token}', {
    params: { token },
    headers: address ? { 'x-forwarded-for': address } : {},
  });

/** A 404 that says nothing but that: the problem document's own fields, no meeting, no participant. */
function expectBare404(res: WireResponse) {
  expectProblem(res, 404, 'NOT_FOUND');
  expect(res.body).toEqual({
    type: 'about:blank',
    status: 404,
    title: 'Not Found',
    detail: 'Resource not found.',
    code: 'NOT_FOUND',
  });
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
    expect(await guest().view(link.token)).toMatchObject({
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
    expectBare404(await viewed(first.token));
    await guest().view(second.token);
  });

  it('revokes a link: it is a 404 from then on', async () => {
    const s = await setup();
    const { token } = await issue(s.meetingId, s.doctor.id);
    await sw.api.meetings.revokeLink(s.meetingId, s.doctor.id);
    expectBare404(await viewed(token));
  });

  it('answers a tampered token with a bare 404', async () => {
    const s = await setup();
    const { token } = await issue(s.meetingId, s.doctor.id);
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expectBare404(await viewed(tampered));
    const body = { response: 'accepted' };
    expectBare404(
      await apiClient(t).wire('post', '/api/guest/{token}/response', { params: { token: tampered }, body }),
    );
  });

  it('answers an expired link (7 days after the meeting) with a bare 404', async () => {
    const s = await setup();
    const { token } = await issue(s.meetingId, s.doctor.id);
    await ds.query(
      `UPDATE meeting SET start_at = now() - interval '8 days 1 hour', end_at = now() - interval '8 days' WHERE id = $1`,
      [s.meetingId],
    );
    expectBare404(await viewed(token));
  });

  it('logs a link issued for a mailed invitation, as the staff route does', async () => {
    const s = await setup();
    const link = await t.app.get(GuestsService).linkForMail(s.meetingId, s.doctor.id, sw.id, t.url);
    expect(link).not.toBeNull();
    await guest().view(link!.url.split('/').pop()!);
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
    expect(await auditCount(ds, { citizenId: s.citizenId, action: 'meeting.link.issue' })).toBe(1);
  });

  it('gives no link to a staff participant, nor to a participant of another meeting', async () => {
    const s = await setup();
    const other = await setup();
    const [staffP] = await ds.query<{ id: string }[]>(
      `SELECT id FROM meeting_participant WHERE meeting_id = $1 AND kind = 'staff'`,
      [s.meetingId],
    );
    expect((await problem(sw.api.meetings.issueLink(s.meetingId, staffP.id))).status).toBe(400);
    expect((await problem(sw.api.meetings.issueLink(s.meetingId, other.doctor.id))).status).toBe(404);
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
    expect(JSON.stringify(await guest().view(token))).not.toContain(b.meetingId);
    await guest().choose(token, { start: times[0].start });
    await guest().respond(token, { response: 'declined' });
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
    const res = await guest().choose(token, { start: times[1].start });
    expect(res).toMatchObject({ id: s.meetingId, status: 'scheduled', start: times[1].start, end: times[1].end });
    const staffView = await sw.api.meetings.get(s.meetingId);
    expect(staffView).toMatchObject({ status: 'scheduled', start: times[1].start, end: times[1].end });
  });

  it('refuses a time that was not proposed (400), and a second choice (409)', async () => {
    const s = await setup();
    const times = await proposeTimes(t, s.meetingId, [60, 62]);
    const { token } = await issue(s.meetingId, s.doctor.id);
    const notProposed = new Date(Date.parse(times[0].start) + 30 * 60_000).toISOString();
    const bad = await problem(guest().choose(token, { start: notProposed }));
    expect(bad).toMatchObject({ status: 400, code: 'NOT_A_PROPOSED_TIME', paths: ['start'] });
    await guest().choose(token, { start: times[0].start });
    const again = await problem(guest().choose(token, { start: times[1].start }));
    expect(again).toMatchObject({ status: 409, code: 'MEETING_NOT_PROPOSED' });
  });

  it('refuses a proposal a staff participant has since been booked at (409), and the meeting stays proposed', async () => {
    const s = await setup();
    const times = await proposeTimes(t, s.meetingId, [80, 82]);
    const { kase } = await createCase(t, sw.cookie, sw.id, 0.01);
    await createMeeting(t, kase.id, sw, { start: new Date(times[0].start), end: new Date(times[0].end) });
    const { token } = await issue(s.meetingId, s.doctor.id);
    const clash = await problem(guest().choose(token, { start: times[0].start }));
    expect(clash).toMatchObject({ status: 409, code: 'MEETING_CONFLICT' });
    expect((await sw.api.meetings.get(s.meetingId)).status).toBe('proposed');
    await guest().choose(token, { start: times[1].start });
  });

  it('lets only the doctor choose', async () => {
    const s = await setup();
    const times = await proposeTimes(t, s.meetingId, [70, 72]);
    for (const p of [s.citizen, s.other]) {
      const { token } = await issue(s.meetingId, p.id);
      expect((await problem(guest().choose(token, { start: times[0].start }))).status).toBe(403);
    }
  });

  it('takes a health statement from the doctor only, onto the case', async () => {
    const s = await setup();
    const statement = {
      workCapacity: 'partial',
      assessment: 'Kan arbejde 15 timer',
      recommendations: 'Gradvis opstart',
    } as const;
    for (const p of [s.citizen, s.other]) {
      const { token } = await issue(s.meetingId, p.id);
      expect((await problem(guest().giveHealthStatement(token, statement))).status).toBe(403);
    }
    const { token } = await issue(s.meetingId, s.doctor.id);
    const res = await guest().giveHealthStatement(token, statement);
    expect(res).toMatchObject({
      ...statement,
      caseId: s.caseId,
      meetingId: s.meetingId,
      doctorName: s.doctor.name,
    });
    const list = await health.api.guests.healthStatements(s.caseId);
    expect(list).toMatchObject({ items: [{ id: res.id }], healthHidden: false });
  });

  it('takes an own assessment from the citizen only', async () => {
    const s = await setup();
    for (const p of [s.doctor, s.other]) {
      const { token } = await issue(s.meetingId, p.id);
      expect((await problem(guest().giveOwnAssessment(token, { text: 'Jeg har det bedre' }))).status).toBe(403);
    }
    const { token } = await issue(s.meetingId, s.citizen.id);
    const res = await guest().giveOwnAssessment(token, { text: 'Jeg har det bedre', wellbeing: 6 });
    expect(res).toMatchObject({ text: 'Jeg har det bedre', wellbeing: 6, caseId: s.caseId });
    expect((await problem(guest().giveOwnAssessment(token, { text: 'x', wellbeing: 11 }))).status).toBe(400);
  });

  it("shows statements to the team's non-health staff only with the citizen's health_in_unit consent", async () => {
    const s = await setup();
    const { token } = await issue(s.meetingId, s.doctor.id);
    await guest().giveHealthStatement(token, {
      workCapacity: 'none',
      assessment: 'Ikke arbejdsdygtig',
      recommendations: 'Behandling først',
    });
    const list = () => sw.api.guests.healthStatements(s.caseId);
    expect(await list()).toEqual({ items: [], healthHidden: true });
    await sw.api.citizens.setConsent(s.citizenId, 'health_in_unit', { given: true });
    expect((await list()).items).toHaveLength(1);
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
    expect(await guest().view(token)).toMatchObject({ planExcerpt: null });
    await sw.api.citizens.setConsent(s.citizenId, 'plan_excerpt_to_doctor', { given: true });
    const excerpt = await guest().view(token);
    expect(excerpt.planExcerpt).toMatchObject({ citizenGoal: 'Job i en butik', jobGoal: 'Butiksassistent' });
    // Health efforts only where the unit itself may see them (health_in_unit).
    expect(excerpt.planExcerpt?.efforts.map((e) => e.title)).toEqual(['Mentor i butik']);
    const other = await issue(s.meetingId, s.other.id);
    expect(await guest().view(other.token)).toMatchObject({ planExcerpt: null });
  });

  it("shows the citizen who read their data, the doctor's read included; other links may not", async () => {
    const s = await setup();
    const doctor = await issue(s.meetingId, s.doctor.id);
    await guest().view(doctor.token);
    // A link shown to the caseworker (who reads no access logs) does not open the log either.
    const copied = await issue(s.meetingId, s.citizen.id);
    const limited = await problem(guest().accessLog(copied.token));
    expect(limited).toMatchObject({ status: 403, code: 'GUEST_LINK_LIMITED' });
    await sw.api.meetings.revokeLink(s.meetingId, s.citizen.id);
    // The link Tværs mails the citizen was never shown to staff: it opens the citizen's whole part.
    const mailed = await t.app.get(GuestsService).linkForMail(s.meetingId, s.citizen.id, sw.id, t.url);
    const citizen = { token: mailed!.url.split('/').pop()! };
    issuedTokens.push(citizen.token);
    const log = await guest().accessLog(citizen.token);
    expect(log.items).toContainEqual(
      expect.objectContaining({
        actor: { id: s.doctor.id, name: s.doctor.name, kind: 'guest' },
        action: 'meeting.read',
      }),
    );
    expect((await problem(guest().accessLog(doctor.token))).status).toBe(403);
    expect(await problem(guest().accessLog(citizen.token, { limit: 0 }))).toMatchObject({
      status: 400,
      paths: ['limit'],
    });
  });

  it('records the response of a guest', async () => {
    const s = await setup();
    const { token } = await issue(s.meetingId, s.other.id);
    const res = await guest().respond(token, { response: 'accepted' });
    expect(res).toMatchObject({ participantId: s.other.id, kind: 'guest', response: 'accepted' });
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
      expectProblem(await viewed(`unknown-${i}`, from), 404);
    }
    expectProblem(await viewed(`unknown-x`, from), 429, 'TOO_MANY_REQUESTS');
    expectProblem(await viewed(token, from), 429);
    expect((await viewed(token, newAddress())).status).toBe(200);
  });

  it('counts a guest socket by the same client address as HTTP (TRUST_PROXY)', async () => {
    const s = await setup();
    const { token } = await issue(s.meetingId, s.doctor.id);
    const from = newAddress();
    for (let i = 0; i < GUEST_MAX_MISSES; i++) expectProblem(await viewed(`unknown-${i}`, from), 404);
    await expect(t.connect({ 'x-forwarded-for': from }, { token })).rejects.toThrow('TOO_MANY_REQUESTS');
    const other = await t.connect({ 'x-forwarded-for': newAddress() }, { token });
    other.close();
  });

  it('counts valid links as no misses', async () => {
    const s = await setup();
    const { token } = await issue(s.meetingId, s.doctor.id);
    const from = newAddress();
    for (let i = 0; i < GUEST_MAX_MISSES + 5; i++) expect((await viewed(token, from)).status).toBe(200);
  });

  it('sends Referrer-Policy: no-referrer on the guest page, the guest API and the rest', async () => {
    const api = apiClient(t);
    const answers = {
      '/m/some-token': await offContract(t, 'GET', '/m/some-token'),
      '/api/guest/some-token': await api.wire('get', '/api/guest/{token}', { params: { token: 'some-token' } }),
      '/api/health': await api.wire('get', '/api/health'),
      '/': await offContract(t, 'GET', '/'),
    };
    for (const [path, res] of Object.entries(answers)) {
      expect({ path, policy: res.headers.get('referrer-policy') }).toEqual({ path, policy: 'no-referrer' });
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
