// The one-time e-mail code of guest links (GUEST_EMAIL_CODE): a 6-digit code mailed to the
// guest before the link shows health data; the meeting itself shows without it.
import { DataSource } from 'typeorm';
import { GUEST_CODE_MAX_ATTEMPTS } from '@tvaers/api/src/guests/guest-codes';
import { GUEST_MAX_CODE_MAILS } from '@tvaers/api/src/guests/guest-throttle';
import { startTestApp, type TestApp } from '../support/app';
import {
  addGuestParticipant,
  createCase,
  createMeeting,
  createStaff,
  issueGuestLink,
  type Staff,
} from '../support/factories';
import { mailsTo, mailText, testSmtp } from '../support/smtp';

const smtp = testSmtp();
let t: TestApp;
let ds: DataSource;
let sw: Staff;

beforeAll(async () => {
  // Demo mode keeps the gate off: a municipality's own setup turns it on.
  t = await startTestApp({ SMTP_URL: smtp.url, GUEST_EMAIL_CODE: 'true', DEMO_MODE: 'false' });
  ds = t.app.get(DataSource);
  sw = await createStaff(t);
});
afterAll(async () => {
  await t.close();
});

let seq = 0;
/** A meeting with a doctor (with an e-mail) and the citizen (none), each holding a link. */
async function setup() {
  const { citizen: person, kase } = await createCase(t, sw.cookie, sw.id, 0.01);
  await sw.api.citizens.setConsent(person.id, 'plan_excerpt_to_doctor', { given: true });
  const meeting = await createMeeting(t, kase.id, sw);
  const doctor = await addGuestParticipant(t, meeting.id, 'doctor');
  const email = `laege${(seq += 1)}-${Date.now()}@klinik.example`;
  await ds.query(`UPDATE meeting_participant SET email = $2 WHERE id = $1`, [doctor.id, email]);
  const citizen = await addGuestParticipant(t, meeting.id, 'citizen');
  return {
    meetingId: meeting.id,
    citizenId: person.id,
    email,
    doctor: await link(meeting.id, doctor.id),
    citizen: await link(meeting.id, citizen.id),
  };
}

const link = (meetingId: string, participantId: string) => issueGuestLink(t, sw.cookie, meetingId, participantId);

const get = (token: string, path = '', cookie?: string) => {
  const req = t.http().get(`/api/guest/${token}${path}`);
  return cookie ? req.set('cookie', cookie) : req;
};
const post = (token: string, path: string, body: object = {}, cookie?: string) => {
  const req = t.http().post(`/api/guest/${token}/${path}`);
  return (cookie ? req.set('cookie', cookie) : req).send(body);
};

const CODE_MARKER = 'engangskode er:';
/** The code mails to `address` so far (an invitation to the same address is no code mail). */
const codeMails = (address: string) =>
  smtp.inbox.filter((m) => m.to.includes(address) && mailText(m).includes(CODE_MARKER));

/** Waits for the n-th code mail to `address` and reads the code in it. */
async function codeMailed(address: string, n = 1): Promise<string> {
  const mails = await mailsTo(address, n, { marker: CODE_MARKER });
  return /engangskode er: (\d{6})/.exec(mailText(mails[n - 1]))![1];
}

/** Sends a code and verifies it: the browser's cookie. */
async function verified(token: string, email: string): Promise<string> {
  const n = codeMails(email).length + 1;
  await post(token, 'code').expect(200);
  const res = await post(token, 'verify', { code: await codeMailed(email, n) }).expect(204);
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0];
  expect(cookie).toMatch(/^tvaers_guest=.+; .*HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Strict/i);
  return cookie.split(';')[0];
}

const codeOf = (res: { body: unknown }) => (res.body as { code?: string }).code;

describe('without the code', () => {
  it('shows the meeting but no plan excerpt, and says where the code goes', async () => {
    const s = await setup();
    const res = await get(s.doctor).expect(200);
    expect(res.body).toMatchObject({
      meeting: { id: s.meetingId, status: 'scheduled' },
      planExcerpt: null,
      codeGate: { emailHint: `l***@klinik.example` },
    });
  });

  it('refuses health data with 403 GUEST_CODE_REQUIRED', async () => {
    const s = await setup();
    expect(codeOf(await get(s.citizen, '/access-log').expect(403))).toBe('GUEST_CODE_REQUIRED');
    const statement = { workCapacity: 'partial', assessment: 'A', recommendations: 'B' };
    expect(codeOf(await post(s.doctor, 'health-statement', statement).expect(403))).toBe('GUEST_CODE_REQUIRED');
    expect(codeOf(await post(s.citizen, 'own-assessment', { text: 'Godt' }).expect(403))).toBe('GUEST_CODE_REQUIRED');
    await expect(t.connect({}, { token: s.doctor })).rejects.toThrow('GUEST_CODE_REQUIRED');
  });

  it('still lets a guest answer the invitation', async () => {
    const s = await setup();
    await post(s.doctor, 'response', { response: 'accepted' }).expect(200);
  });

  it('cannot be passed by a participant without an e-mail', async () => {
    const s = await setup();
    expect((await get(s.citizen).expect(200)).body).toMatchObject({ codeGate: { emailHint: null } });
    expect(codeOf(await post(s.citizen, 'code').expect(409))).toBe('GUEST_EMAIL_MISSING');
  });
});

describe('the code', () => {
  it("goes to the citizen at the citizen record's address, where their invitations go", async () => {
    const s = await setup();
    const address = `borger${(seq += 1)}-${Date.now()}@example.dk`;
    await ds.query(`UPDATE citizen SET email = $2 WHERE id = $1`, [s.citizenId, address]);
    const sent = await post(s.citizen, 'code').expect(200);
    expect((sent.body as { emailHint: string }).emailHint).toBe('b***@example.dk');
    expect(await codeMailed(address)).toMatch(/^\d{6}$/);
  });

  it('arrives by mail; the right code opens the health data to this browser only', async () => {
    const s = await setup();
    const sent = await post(s.doctor, 'code').expect(200);
    expect((sent.body as { emailHint: string }).emailHint).toBe('l***@klinik.example');
    const expiresIn = Date.parse((sent.body as { expiresAt: string }).expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(9 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(10 * 60_000);
    const code = await codeMailed(s.email);
    const [row] = await ds.query<{ code_hash: Buffer }[]>(
      `SELECT code_hash FROM guest_code gc JOIN meeting_participant p ON p.id = gc.participant_id WHERE p.email = $1`,
      [s.email],
    );
    expect(row.code_hash.toString('utf8')).not.toContain(code);

    const res = await post(s.doctor, 'verify', { code }).expect(204);
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0].split(';')[0];
    const view = await get(s.doctor, '', cookie).expect(200);
    const body = view.body as { codeGate: unknown; planExcerpt: { efforts: unknown[] } | null };
    expect(body.codeGate).toBeNull();
    expect(body.planExcerpt?.efforts).toEqual([]);
    const statement = { workCapacity: 'partial', assessment: 'A', recommendations: 'B' };
    await post(s.doctor, 'health-statement', statement, cookie).expect(201);
    (await t.connect({ cookie }, { token: s.doctor })).close();
    // Another browser (no cookie) is still held back; the code is used up.
    expect((await get(s.doctor).expect(200)).body).toMatchObject({ planExcerpt: null });
    expect(codeOf(await post(s.doctor, 'verify', { code }).expect(400))).toBe('GUEST_CODE_EXPIRED');
  });

  it('refuses a wrong code, and any code after the tries are used up', async () => {
    const s = await setup();
    await post(s.doctor, 'code').expect(200);
    const code = await codeMailed(s.email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 1; i < GUEST_CODE_MAX_ATTEMPTS; i++) {
      expect(codeOf(await post(s.doctor, 'verify', { code: wrong }).expect(400))).toBe('GUEST_CODE_INVALID');
    }
    expect(codeOf(await post(s.doctor, 'verify', { code: wrong }).expect(400))).toBe('GUEST_CODE_EXPIRED');
    expect(codeOf(await post(s.doctor, 'verify', { code }).expect(400))).toBe('GUEST_CODE_EXPIRED');
    await post(s.doctor, 'verify', { code: 'abc' }).expect(400);
  });

  it('expires after 10 minutes', async () => {
    const s = await setup();
    await post(s.doctor, 'code').expect(200);
    const code = await codeMailed(s.email);
    await ds.query(
      `UPDATE guest_code SET expires_at = now() - interval '1 second'
        WHERE participant_id = (SELECT id FROM meeting_participant WHERE email = $1)`,
      [s.email],
    );
    expect(codeOf(await post(s.doctor, 'verify', { code }).expect(400))).toBe('GUEST_CODE_EXPIRED');
  });

  it("does not open another meeting's link, nor a replaced link", async () => {
    const a = await setup();
    const b = await setup();
    const cookie = await verified(a.doctor, a.email);
    expect((await get(b.doctor, '', cookie).expect(200)).body).toMatchObject({ planExcerpt: null });
    // A's code on B's link: B has no code of its own pending.
    await post(a.doctor, 'code').expect(200);
    const codeA = await codeMailed(a.email, 2);
    expect(codeOf(await post(b.doctor, 'verify', { code: codeA }).expect(400))).toBe('GUEST_CODE_EXPIRED');
    // Staff replace A's link: the browser must verify again.
    const [{ id }] = await ds.query<{ id: string }[]>(`SELECT id FROM meeting_participant WHERE email = $1`, [a.email]);
    const renewed = await link(a.meetingId, id);
    expect((await get(renewed, '', cookie).expect(200)).body).toMatchObject({ planExcerpt: null });
  });

  it(`is mailed at most ${GUEST_MAX_CODE_MAILS} times per participant in a window (429)`, async () => {
    const s = await setup();
    for (let i = 0; i < GUEST_MAX_CODE_MAILS; i++) await post(s.doctor, 'code').expect(200);
    expect(codeOf(await post(s.doctor, 'code').expect(429))).toBe('TOO_MANY_REQUESTS');
  });
});

describe('the setting', () => {
  it('is off by default: no gate, no code routes', async () => {
    const plain = await startTestApp({ DEMO_MODE: 'false' });
    try {
      const { kase } = await createCase(plain, sw.cookie, sw.id, 0.01);
      const meeting = await createMeeting(plain, kase.id, sw);
      const doctor = await addGuestParticipant(plain, meeting.id, 'doctor');
      const token = await issueGuestLink(plain, sw.cookie, meeting.id, doctor.id);
      expect((await plain.http().get(`/api/guest/${token}`).expect(200)).body).toMatchObject({ codeGate: null });
      await plain.http().post(`/api/guest/${token}/code`).send({}).expect(404);
      const statement = { workCapacity: 'partial', assessment: 'A', recommendations: 'B' };
      await plain.http().post(`/api/guest/${token}/health-statement`).send(statement).expect(201);
    } finally {
      await plain.close();
    }
  });
});
