// With mail set up, "Opret" sends the new person's password link to their own e-mail: the administrator is told
// where it went and never sees the link. Axe finds nothing.
import { axeViolations, browserSuite, loginThroughForm } from '../support/browser';
import { createStaff } from '../support/factories';
import { mailsTo, mailText, testSmtp } from '../support/smtp';

const suite = browserSuite(() => ({ SMTP_URL: testSmtp().url }));

it('mails the link of a new colleague and says where it went, without showing it', async () => {
  const { t } = suite;
  const admin = await createStaff(t, { kind: 'admin' });
  const email = `mail-kollega-${Date.now()}@test.tvaers.dk`;

  const page = await suite.newPage();
  await loginThroughForm(page, t.url, admin.email);
  await page.getByTestId('staff-table').waitFor();

  const create = page.getByRole('region', { name: 'Opret medarbejder' });
  await create.getByLabel('E-mail', { exact: true }).fill(email);
  await create.getByLabel('Navn', { exact: true }).fill('Mette Mail');
  await create.getByRole('button', { name: 'Opret medarbejder' }).click();
  const notice = create.getByTestId('password-link');
  await notice.getByText(`Linket er sendt til ${email}.`).waitFor();
  expect(await notice.getByTestId('password-link-url').count()).toBe(0);
  expect(await notice.getByRole('button', { name: 'Kopiér', exact: true }).count()).toBe(0);
  expect(await axeViolations(page)).toEqual([]);

  const [mail] = await mailsTo(email);
  expect(mailText(mail)).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}/);
  expect(await page.locator('body').innerText()).not.toContain('/set-password/');
}, 60_000);
