// The doctor's part as a real doctor lives it, with mail delivered over SMTP. The doctor
// opens the link from the first mail on a phone, fills in the health statement, picks a time, and sends the
// statement on the same page; the scheduled invitation (and a move's update) carries the same link; the
// caseworker reads the statement on the case page.
import type { Page } from 'playwright-core';
import type { TestApp } from '../support/app';
import { browserSuite } from '../support/browser';
import { createCase, type Staff } from '../support/factories';
import { guestTokenIn, mailsTo, testSmtp } from '../support/smtp';

const smtp = testSmtp();
const suite = browserSuite(() => ({ SMTP_URL: smtp.url, JOB_WORKERS: 'true' }));
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
let t: TestApp;
let cw: Staff;
let day = 30;

beforeAll(async () => ({ t, caseworker: cw } = await suite.team('caseworker')));

/** A whole hour on a day of its own, some weeks ahead. */
function hourAhead() {
  const start = new Date(Date.now() + day++ * 86_400_000);
  start.setUTCHours(9, 0, 0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + 3600_000).toISOString() };
}

/** A proposed meeting with the citizen's doctor (who has an e-mail), on a case whose citizen shares health data. */
async function proposedMeeting() {
  const { kase, citizen } = await createCase(t, cw.cookie, cw.id, 0.01);
  await cw.api.citizens.setConsent(citizen.id, 'health_in_unit', { given: true });
  const doctorEmail = `laege-${kase.id.slice(0, 8)}@example.org`;
  const proposals = [hourAhead(), hourAhead()];
  const meeting = await cw.api.meetings.create({
    caseId: kase.id,
    proposals,
    location: 'Jobcentret, mødelokale 2',
    participants: [{ kind: 'doctor', name: 'Læge Inger Holm', email: doctorEmail }],
  });
  return { kase, citizen, meeting, doctorEmail, proposals };
}

/** The statement filled in, not yet sent. */
async function fillStatement(page: Page, assessment: string) {
  await page.getByRole('radio', { name: 'Delvis' }).check();
  await page.getByRole('textbox', { name: 'Vurdering', exact: true }).fill(assessment);
  await page.getByRole('textbox', { name: 'Anbefalinger', exact: true }).fill('Gradvis opstart over fire uger');
}

/** Sends the filled-in statement and answers the server's status (201 when it was taken). */
async function sendStatement(page: Page): Promise<number> {
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/health-statement') && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Send vurderingen' }).click(),
  ]);
  return answer.status();
}

async function caseworkerReads(kaseId: string, assessment: string) {
  const page = await suite.pageAs(cw.email, `/cases/${kaseId}`);
  await page.getByTestId('health-section').getByTestId('health-statement').filter({ hasText: assessment }).waitFor();
}

describe("the doctor's link from the first mail", () => {
  it('stays valid while the doctor picks a time and sends the statement; the invitation carries the same link', async () => {
    const { kase, meeting, doctorEmail } = await proposedMeeting();
    const [first] = await mailsTo(doctorEmail, 1);
    const token = guestTokenIn(first);
    expect(token).toBeDefined();

    const page = await suite.newPage(phone);
    await page.goto(`${t.url}/m/${token}`);
    await page.getByRole('heading', { level: 1, name: meeting.title }).waitFor();
    const assessment = 'Kan arbejde 15 timer om ugen med pauser.';
    await fillStatement(page, assessment);
    await page.getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Vælg tidspunkt' }).click();
    // Choosing is accepting: the page says so at once.
    await page.getByTestId('guest-answer').filter({ hasText: 'Har sagt ja' }).waitFor();
    // The scheduled invitation has gone out: the open page must keep working with the same link.
    const [, invitation] = await mailsTo(doctorEmail, 2);
    expect(guestTokenIn(invitation)).toBe(token);
    expect(await page.getByText('Forbindelsen er lukket').count()).toBe(0);
    expect(await sendStatement(page)).toBe(201);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: meeting.title }).waitFor();
    expect(await page.getByTestId('guest-invalid').count()).toBe(0);
    await caseworkerReads(kase.id, assessment);
  });

  it('stays valid when the caseworker moves the meeting; the update carries the same link', async () => {
    const { kase, meeting, doctorEmail, proposals } = await proposedMeeting();
    const [first] = await mailsTo(doctorEmail, 1);
    const token = guestTokenIn(first)!;
    const page = await suite.newPage(phone);
    await page.goto(`${t.url}/m/${token}`);
    await page.getByRole('heading', { level: 1, name: meeting.title }).waitFor();
    await page.getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Vælg tidspunkt' }).click();
    await page.getByTestId('guest-answer').filter({ hasText: 'Har sagt ja' }).waitFor();
    await mailsTo(doctorEmail, 2);

    const later = hourAhead();
    expect(later.start > proposals[1].start).toBe(true);
    await cw.api.meetings.update(meeting.id, later);
    const [, , moved] = await mailsTo(doctorEmail, 3);
    expect(guestTokenIn(moved)).toBe(token);

    const assessment = 'Bør undgå tunge løft, kan arbejde stående.';
    await fillStatement(page, assessment);
    expect(await sendStatement(page)).toBe(201);
    await caseworkerReads(kase.id, assessment);
  });
});
