import { DataSource } from 'typeorm';
import type { TestApp } from '../support/app';
import { axeViolations, browserSuite } from '../support/browser';
import { createCase, createMeeting, type Staff } from '../support/factories';

const suite = browserSuite();
let t: TestApp;
let cw: Staff;
let colleague: Staff;
let meetingId: string;

const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'METHOD:REQUEST', 'BEGIN:VEVENT', 'END:VEVENT', 'END:VCALENDAR'].join(
  '\r\n',
);

/** A mail as the mail worker keeps it when no SMTP server is set up (the test app runs no workers). */
async function keepMail(to: Staff, subject: string, text: string, withIcs: string | null) {
  await t.app
    .get(DataSource)
    .query(
      `INSERT INTO mail_outbox (meeting_id, recipient, staff_id, subject, text, ics) VALUES ($1, $2, $3, $4, $5, $6)`,
      [meetingId, to.email, to.id, subject, text, withIcs],
    );
}

beforeAll(async () => {
  ({ t, caseworker: cw, social: colleague } = await suite.team('caseworker', 'social'));
  const caseId = (await createCase(t, cw.cookie, cw.id)).kase.id;
  meetingId = (await createMeeting(t, caseId, cw)).id;
  await keepMail(cw, 'Invitation: Rundbordsmøde', 'Du er inviteret til et rundbordsmøde.\nMed venlig hilsen', ics);
  await keepMail(colleague, 'Til kollegaen alene', 'Ikke til sagsbehandleren.', null);
});

describe('outbox (no SMTP server: a demo)', () => {
  it('is in the menu and lists the mails to me with time and meeting, axe clean', async () => {
    const page = await suite.pageAs(cw.email);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Udbakke' }).click();
    await page.getByRole('heading', { level: 1, name: 'Udbakke' }).waitFor();
    const table = page.getByRole('table', { name: 'Mails til dig, nyeste først' });
    const row = table.getByRole('row', { name: /Invitation: Rundbordsmøde/ });
    await row.waitFor();
    expect(await row.textContent()).toContain(cw.email);
    expect(await row.getByRole('link', { name: /Åbn mødet/ }).getAttribute('href')).toBe(`/meetings/${meetingId}`);
    expect(await table.getByText('Til kollegaen alene').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('opens a mail: its text and the name of its calendar attachment', async () => {
    const page = await suite.pageAs(cw.email, '/outbox');
    await page.getByRole('link', { name: 'Invitation: Rundbordsmøde', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Invitation: Rundbordsmøde' }).waitFor();
    expect(await page.getByTestId('outbox-mail-text').textContent()).toBe(
      'Du er inviteret til et rundbordsmøde.\nMed venlig hilsen',
    );
    const attachment = page.getByRole('link', { name: 'invitation.ics' });
    expect(await attachment.getAttribute('download')).toBe('invitation.ics');
    expect(await axeViolations(page)).toEqual([]);
  });

  it("shows a colleague only their own mails, not another's", async () => {
    const page = await suite.pageAs(colleague.email, '/outbox');
    await page.getByRole('row', { name: /Til kollegaen alene/ }).waitFor();
    expect(await page.getByText('Invitation: Rundbordsmøde').count()).toBe(0);
  });
});
