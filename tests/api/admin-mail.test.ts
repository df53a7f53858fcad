// Separation of duties for set-password links: with mail set up the link goes to the colleague's own e-mail and
// the administrator never sees it; the colleague's first login after using it says who issued it and when, once.
import { DataSource } from 'typeorm';
import { startTestApp } from '../support/app';
import { apiClient, problem } from '../support/client';
import { createStaff, staffSuite } from '../support/factories';
import { mailsTo, mailText, testSmtp } from '../support/smtp';

const smtp = testSmtp();
const s = staffSuite({ SMTP_URL: smtp.url }, 'admin');

const PASSWORD = 'en lang og god adgangskode';

it('mails the link to the colleague, shows the administrator only where it went, and tells the colleague once', async () => {
  const address = `kollega-${Date.now()}@test.tvaers.dk`;
  const account = await s.admin.api.admin.createStaff({
    email: address,
    name: 'Kirsten Kollega',
    roles: ['caseworker'],
    discipline: 'social',
  });
  const link = await s.admin.api.admin.passwordReset(account.id);
  expect(link).toMatchObject({ path: null, url: null, mailedTo: address });

  const [mail] = await mailsTo(address);
  const token = /\/set-password\/([A-Za-z0-9_-]{43})/.exec(mailText(mail))?.[1];
  expect(token).toBeDefined();
  expect(mailText(mail)).toContain(s.admin.name);
  await apiClient(s.t).auth.setPassword({ token: token!, password: PASSWORD });

  const notice = (await apiClient(s.t).auth.login({ email: address, password: PASSWORD })).passwordNotice;
  expect(notice?.byName).toBe(s.admin.name);
  expect(Date.parse(notice!.at)).toBeLessThanOrEqual(Date.now());
  // Once only.
  const second = await apiClient(s.t).auth.login({ email: address, password: PASSWORD });
  expect(second.passwordNotice).toBeNull();

  const audited = await s.ds.query<{ actor_id: string; details: unknown }[]>(
    `SELECT actor_id, details FROM audit_entry WHERE entity_id = $1 AND action = 'staff.password.link'`,
    [account.id],
  );
  expect(audited).toEqual([{ actor_id: s.admin.id, details: { expiresAt: link.expiresAt, mailedTo: address } }]);
});

it('answers 503 when the mail server does not take the link, and issues none', async () => {
  const down = await startTestApp({ SMTP_URL: 'smtp://127.0.0.1:9' });
  try {
    const downAdmin = await createStaff(down, { kind: 'admin' });
    const other = await createStaff(down);
    expect(await problem(downAdmin.api.admin.passwordReset(other.id))).toMatchObject({
      status: 503,
      code: 'MAIL_UNAVAILABLE',
    });
    const tokens = await down.app
      .get(DataSource)
      .query<unknown[]>(`SELECT 1 FROM password_token WHERE staff_id = $1`, [other.id]);
    expect(tokens).toEqual([]);
  } finally {
    await down.close();
  }
});

it('answers a link request for a deactivated colleague 409', async () => {
  const other = await createStaff(s.t);
  await s.admin.api.admin.updateStaff(other.id, { active: false });
  expect(await problem(s.admin.api.admin.passwordReset(other.id))).toMatchObject({ status: 409 });
});
