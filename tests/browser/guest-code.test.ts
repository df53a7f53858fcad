// The guest page where the municipality requires a one-time e-mail code (GUEST_EMAIL_CODE): the meeting shows,
// health data only after the code from the mail is entered.
import { DataSource } from 'typeorm';
import { axeViolations, browserSuite } from '../support/browser';
import { addGuestParticipant, createCase, createMeeting, createStaff, issueGuestLink } from '../support/factories';
import { mailsTo, mailText, testSmtp } from '../support/smtp';

const smtp = testSmtp();
const suite = browserSuite(() => ({ SMTP_URL: smtp.url, GUEST_EMAIL_CODE: 'true', DEMO_MODE: 'false' }));

it('asks the doctor for the mailed code before the health statement form shows', async () => {
  const { t } = suite;
  const sw = await createStaff(t);
  const { kase } = await createCase(t, sw.cookie, sw.id, 0.01);
  const meeting = await createMeeting(t, kase.id, sw, { location: 'Jobcentret, lokale 2' });
  const doctor = await addGuestParticipant(t, meeting.id, 'doctor');
  const email = `gate-${Date.now()}@klinik.example`;
  await t.app.get(DataSource).query(`UPDATE meeting_participant SET email = $2 WHERE id = $1`, [doctor.id, email]);
  const token = await issueGuestLink(t, sw.cookie, meeting.id, doctor.id);

  const page = await suite.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${t.url}/m/${token}`);
  const gate = page.getByTestId('guest-code-gate');
  await gate.getByText('g***@klinik.example').waitFor();
  // The meeting shows without the code; the health statement does not.
  await page.getByText('Jobcentret, lokale 2').waitFor();
  expect(await page.getByRole('heading', { name: 'Din lægefaglige vurdering' }).count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);

  await page.getByTestId('guest-code-send').click();
  await gate.getByText('Vi har sendt en kode').waitFor();
  // The code's own mail (an invitation to the same address may arrive first).
  const [mail] = await mailsTo(email, 1, { marker: 'engangskode er:' });
  const code = /engangskode er: (\d{6})/.exec(mailText(mail))![1];
  await page.getByLabel('Kode (6 cifre)').fill(code === '000000' ? '111111' : '000000');
  await page.getByTestId('guest-code-submit').click();
  await gate.getByText('Koden er forkert').waitFor();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel('Kode (6 cifre)').fill(code);
  await page.getByTestId('guest-code-submit').click();
  await page.getByRole('heading', { name: 'Din lægefaglige vurdering' }).waitFor();
  expect(await page.getByTestId('guest-code-gate').count()).toBe(0);
});
