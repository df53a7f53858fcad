// The one-time e-mail code of guest links (GUEST_EMAIL_CODE): a 6-digit code mailed to the
// guest before the link shows health data; the meeting itself shows without it.
import { GUEST_CODE_MAX_ATTEMPTS } from '@tvaers/api/src/guests/guest-codes';
import { GUEST_MAX_CODE_MAILS } from '@tvaers/api/src/guests/guest-throttle';
import type { CreateHealthStatement } from '@tvaers/contracts';
import { startTestApp } from '../support/app';
import { apiClient, problem } from '../support/client';
import { issueGuestLink, staffSuite } from '../support/factories';
import { linkedGuest, meetingWithDoctorLink, setParticipantEmail } from '../support/meeting-fixtures';
import { mailsTo, mailText, testSmtp } from '../support/smtp';

const smtp = testSmtp();

// Demo mode keeps the gate off: a municipality's own setup turns it on.
const s = staffSuite({ SMTP_URL: smtp.url, GUEST_EMAIL_CODE: 'true', DEMO_MODE: 'false' });

let seq = 0;
/** A meeting with a doctor (with an e-mail) and the citizen (none), each holding a link. */
async function setup() {
  const { citizen: person, meeting, doctor } = await meetingWithDoctorLink(s.t, s.sw);
  await s.sw.api.citizens.setConsent(person.id, 'plan_excerpt_to_doctor', { given: true });
  const email = `laege${(seq += 1)}-${Date.now()}@klinik.example`;
  await setParticipantEmail(s.t, doctor.id, email);
  const citizen = await linkedGuest(s.t, s.sw, meeting.id, 'citizen');
  return { meetingId: meeting.id, citizenId: person.id, email, doctor: doctor.token, citizen: citizen.token };
}

/** A guest link's routes, from a browser holding this verified-code cookie (none: a fresh browser). */
const guest = (cookie?: string) => apiClient(s.t, cookie).guests;
const statement: CreateHealthStatement = { workCapacity: 'partial', assessment: 'A', recommendations: 'B' };

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
  await guest().sendCode(token);
  const cookie = await guest().verify(token, { code: await codeMailed(email, n) });
  expect(cookie).toMatch(/^tvaers_guest=.+; .*HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Strict/i);
  return cookie.split(';')[0];
}

const expired = { status: 400, code: 'GUEST_CODE_EXPIRED' };

describe('without the code', () => {
  it('shows the meeting but no plan excerpt, and says where the code goes', async () => {
    const seeded = await setup();
    expect(await guest().view(seeded.doctor)).toMatchObject({
      meeting: { id: seeded.meetingId, status: 'scheduled' },
      planExcerpt: null,
      codeGate: { emailHint: `l***@klinik.example` },
    });
  });

  it('refuses health data with 403 GUEST_CODE_REQUIRED', async () => {
    const seeded = await setup();
    const required = { status: 403, code: 'GUEST_CODE_REQUIRED' };
    expect(await problem(guest().accessLog(seeded.citizen))).toMatchObject(required);
    expect(await problem(guest().giveHealthStatement(seeded.doctor, statement))).toMatchObject(required);
    expect(await problem(guest().giveOwnAssessment(seeded.citizen, { text: 'Godt' }))).toMatchObject(required);
    await expect(s.t.connect({}, { token: seeded.doctor })).rejects.toThrow('GUEST_CODE_REQUIRED');
  });

  it('still lets a guest answer the invitation', async () => {
    const seeded = await setup();
    await guest().respond(seeded.doctor, { response: 'accepted' });
  });

  it('cannot be passed by a participant without an e-mail', async () => {
    const seeded = await setup();
    expect(await guest().view(seeded.citizen)).toMatchObject({ codeGate: { emailHint: null } });
    expect(await problem(guest().sendCode(seeded.citizen))).toMatchObject({ status: 409, code: 'GUEST_EMAIL_MISSING' });
  });
});

describe('the code', () => {
  it("goes to the citizen at the citizen record's address, where their invitations go", async () => {
    const seeded = await setup();
    const address = `borger${(seq += 1)}-${Date.now()}@example.dk`;
    await s.ds.query(`UPDATE citizen SET email = $2 WHERE id = $1`, [seeded.citizenId, address]);
    expect((await guest().sendCode(seeded.citizen)).emailHint).toBe('b***@example.dk');
    expect(await codeMailed(address)).toMatch(/^\d{6}$/);
  });

  it('arrives by mail; the right code opens the health data to this browser only', async () => {
    const seeded = await setup();
    // Ten minutes from when it was sent: between the readings just before and just after the call.
    const before = Date.now();
    const sent = await guest().sendCode(seeded.doctor);
    const after = Date.now();
    expect(sent.emailHint).toBe('l***@klinik.example');
    expect(Date.parse(sent.expiresAt)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 10 * 60_000);
    expect(Date.parse(sent.expiresAt)).toBeLessThanOrEqual(after + 10 * 60_000);
    const code = await codeMailed(seeded.email);
    const [row] = await s.ds.query<{ code_hash: Buffer }[]>(
      `SELECT code_hash FROM guest_code gc JOIN meeting_participant p ON p.id = gc.participant_id WHERE p.email = $1`,
      [seeded.email],
    );
    expect(row.code_hash.toString('utf8')).not.toContain(code);

    const cookie = (await guest().verify(seeded.doctor, { code })).split(';')[0];
    const view = await guest(cookie).view(seeded.doctor);
    expect(view.codeGate).toBeNull();
    expect(view.planExcerpt?.efforts).toEqual([]);
    await guest(cookie).giveHealthStatement(seeded.doctor, statement);
    (await s.t.connect({ cookie }, { token: seeded.doctor })).close();
    // Another browser (no cookie) is still held back; the code is used up.
    expect(await guest().view(seeded.doctor)).toMatchObject({ planExcerpt: null });
    expect(await problem(guest().verify(seeded.doctor, { code }))).toMatchObject(expired);
  });

  it('refuses a wrong code, and any code after the tries are used up', async () => {
    const seeded = await setup();
    await guest().sendCode(seeded.doctor);
    const code = await codeMailed(seeded.email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 1; i < GUEST_CODE_MAX_ATTEMPTS; i++) {
      expect(await problem(guest().verify(seeded.doctor, { code: wrong }))).toMatchObject({
        status: 400,
        code: 'GUEST_CODE_INVALID',
      });
    }
    expect(await problem(guest().verify(seeded.doctor, { code: wrong }))).toMatchObject(expired);
    expect(await problem(guest().verify(seeded.doctor, { code }))).toMatchObject(expired);
    expect((await problem(guest().verify(seeded.doctor, { code: 'abc' }))).status).toBe(400);
  });

  it('expires after 10 minutes', async () => {
    const seeded = await setup();
    await guest().sendCode(seeded.doctor);
    const code = await codeMailed(seeded.email);
    await s.ds.query(
      `UPDATE guest_code SET expires_at = now() - interval '1 second'
        WHERE participant_id = (SELECT id FROM meeting_participant WHERE email = $1)`,
      [seeded.email],
    );
    expect(await problem(guest().verify(seeded.doctor, { code }))).toMatchObject(expired);
  });

  it("does not open another meeting's link, nor a replaced link", async () => {
    const a = await setup();
    const b = await setup();
    const cookie = await verified(a.doctor, a.email);
    expect(await guest(cookie).view(b.doctor)).toMatchObject({ planExcerpt: null });
    // A's code on B's link: B has no code of its own pending.
    await guest().sendCode(a.doctor);
    const codeA = await codeMailed(a.email, 2);
    expect(await problem(guest().verify(b.doctor, { code: codeA }))).toMatchObject(expired);
    // Staff replace A's link: the browser must verify again.
    const [{ id }] = await s.ds.query<{ id: string }[]>(`SELECT id FROM meeting_participant WHERE email = $1`, [
      a.email,
    ]);
    const renewed = await issueGuestLink(s.t, s.sw.cookie, a.meetingId, id);
    expect(await guest(cookie).view(renewed)).toMatchObject({ planExcerpt: null });
  });

  it(`is mailed at most ${GUEST_MAX_CODE_MAILS} times per participant in a window (429)`, async () => {
    const seeded = await setup();
    for (let i = 0; i < GUEST_MAX_CODE_MAILS; i++) await guest().sendCode(seeded.doctor);
    expect(await problem(guest().sendCode(seeded.doctor))).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
  });
});

describe('the setting', () => {
  it('is off by default: no gate, no code routes', async () => {
    const plain = await startTestApp({ DEMO_MODE: 'false' });
    try {
      const { token } = (await meetingWithDoctorLink(plain, s.sw)).doctor;
      const plainGuest = apiClient(plain).guests;
      expect(await plainGuest.view(token)).toMatchObject({ codeGate: null });
      expect((await problem(plainGuest.sendCode(token))).status).toBe(404);
      await plainGuest.giveHealthStatement(token, statement);
    } finally {
      await plain.close();
    }
  });
});
