// The guest link's page on a phone: the doctor's health statement and answer, the
// citizen's own assessment and access log, and a revoked link.
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { GuestsService } from '@tvaers/api/src/guests/guests.service';
import type { TestApp } from '../support/app';
import { axeViolations, browserSuite } from '../support/browser';
import { apiClient } from '../support/client';
import { createCase, issueGuestLink, type Staff } from '../support/factories';

const suite = browserSuite();
const phone = { viewport: { width: 390, height: 844 } };
let t: TestApp;
let cw: Staff;
let days = 3;

beforeAll(async () => ({ t, caseworker: cw } = await suite.team('caseworker')));

/**
 * A scheduled meeting with a doctor and the citizen; a link for the one asked for, made through the API (shown to
 * the caseworker), or `mailed`: as Tværs makes it for a mail, never shown to staff.
 */
async function linkFor(kind: 'doctor' | 'citizen', mailed = false) {
  const { kase, citizen } = await createCase(t, cw.cookie, cw.id, 0.01);
  // A day of its own for each meeting: the caseworker cannot have two at once.
  const start = new Date(Date.now() + days++ * 24 * 3600_000);
  const meeting = await apiClient(t, cw.cookie).meetings.create({
    caseId: kase.id,
    title: 'Rundbordsmøde om arbejdsevne',
    start: start.toISOString(),
    end: new Date(start.getTime() + 3600_000).toISOString(),
    location: 'Jobcentret, mødelokale 2',
    participants: [{ kind: 'doctor', name: 'Læge Hansen' }, { kind: 'citizen' }],
  });
  const participant = meeting.participants.find((p) => p.kind === kind)!;
  const token = mailed
    ? (await t.app.get(GuestsService).linkForMail(meeting.id, participant.id, cw.id, t.url))!.url.split('/').pop()!
    : await issueGuestLink(t, cw.cookie, meeting.id, participant.id);
  return { kase, citizen, meeting, participant, token };
}

async function open(token: string): Promise<Page> {
  const page = await suite.newPage(phone);
  await page.goto(`${t.url}/m/${token}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

const fitsPhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('the doctor', () => {
  it('gives a health statement through the form and gets a confirmation; it is stored on the case', async () => {
    const { kase, token } = await linkFor('doctor');
    const page = await open(token);
    await page.getByText('Du er inviteret som Læge Hansen.').waitFor();
    await page.getByTestId('meeting-facts').getByText('Jobcentret, mødelokale 2').waitFor();
    expect(await fitsPhone(page)).toBeLessThanOrEqual(390);

    const form = page.getByRole('region', { name: 'Din lægefaglige vurdering' });
    await form.getByRole('button', { name: 'Send vurderingen' }).click();
    // Nothing is sent without the required fields: the form names them.
    await form.getByRole('alert').first().waitFor();
    await form.getByRole('group', { name: 'Arbejdsevne' }).getByLabel('Delvis').check();
    await form.getByLabel('Vurdering').fill('Kan arbejde 15 timer om ugen med pauser.');
    await form.getByLabel('Anbefalinger').fill('Gradvis optrapning over 8 uger.');
    await form.getByRole('button', { name: 'Send vurderingen' }).click();
    await form.getByText('Tak. Din vurdering er sendt.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Read from the table: who on the case may see it depends on the citizen's consent (tested in the API).
    expect(
      await t.app
        .get(DataSource)
        .query(`SELECT work_capacity, doctor_name FROM health_statement WHERE case_id = $1`, [kase.id]),
    ).toEqual([{ work_capacity: 'partial', doctor_name: 'Læge Hansen' }]);
  });

  it('declines the meeting, and the answer shows on the page and for the caseworker', async () => {
    const { meeting, participant, token } = await linkFor('doctor');
    const page = await open(token);
    await page.getByRole('button', { name: 'Jeg kan ikke komme' }).click();
    await page.getByTestId('meeting-facts').getByText('Har sagt nej').waitFor();
    const seen = await apiClient(t, cw.cookie).meetings.get(meeting.id);
    expect(seen.participants.find((p) => p.id === participant.id)?.response).toBe('declined');
  });
});

describe('the citizen', () => {
  it('gives an own assessment and sees it confirmed', async () => {
    const { kase, token } = await linkFor('citizen');
    const page = await open(token);
    const form = page.getByRole('region', { name: 'Din egen vurdering' });
    await form
      .getByLabel('Hvordan går det med dit helbred og dit arbejde?')
      .fill('Bedre end sidst, men jeg sover dårligt.');
    await form.getByLabel(/^Hvordan har du det/).selectOption('6');
    await form.getByRole('button', { name: 'Send' }).click();
    await form.getByText('Tak. Din vurdering er sendt.').waitFor();
    expect(await fitsPhone(page)).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
    expect(
      await t.app.get(DataSource).query(`SELECT wellbeing FROM own_assessment WHERE case_id = $1`, [kase.id]),
    ).toEqual([{ wellbeing: 6 }]);
  });

  it('sees who has read their data grouped by day and person, with a filter and "Vis flere"', async () => {
    // The link mailed to the citizen: one shown to the caseworker would not open the access log.
    const { citizen, token } = await linkFor('citizen', true);
    // Each read of the citizen is a row in the citizen's access log: well over one page.
    const client = apiClient(t, cw.cookie);
    for (let batch = 0; batch < 11; batch++) {
      await Promise.all(Array.from({ length: 10 }, () => client.citizens.get(citizen.id)));
    }

    const page = await open(token);
    const log = page.getByTestId('guest-access-log');
    await log.getByTestId('guest-log-groups').waitFor();
    await log.getByText('Viser 100 opslag.').waitFor();
    // One line for the caseworker today, however many rows: opened, it lists them in plain words.
    const group = log.getByRole('button', {
      name: new RegExp(`^(I dag|I går) · ${cw.name} \\(medarbejder i kommunen\\) · \\d+ handlinger$`),
    });
    expect(await group.count()).toBe(1);
    expect(await group.getAttribute('aria-expanded')).toBe('false');
    expect(await log.getByText(`${cw.name} så dine personoplysninger.`).count()).toBe(0);
    await group.click();
    expect(await group.getAttribute('aria-expanded')).toBe('true');
    await log.getByText(`${cw.name} så dine personoplysninger.`).first().waitFor();
    const shown = Number(/· (\d+) handlinger$/.exec((await group.textContent()) ?? '')?.[1]);
    expect(shown).toBeGreaterThanOrEqual(90);
    expect(await log.getByTestId('guest-log-group').count()).toBeLessThan(5);

    // Only changes: the caseworker's reads drop out of the count.
    await log.getByLabel('Vis').selectOption('changed');
    await log.getByRole('button', { name: new RegExp(`· ${shown} handlinger$`) }).waitFor({ state: 'detached' });
    await log.getByLabel('Vis').selectOption('all');
    await log.getByLabel('Person').selectOption({ label: cw.name });
    expect(await log.getByTestId('guest-log-group').count()).toBe(1);

    await log.getByRole('button', { name: 'Vis flere' }).click();
    await log.getByText(/^Viser 1(0[1-9]|[1-9]\d) opslag\.$/).waitFor();
    expect(await fitsPhone(page)).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('on a link shown to the caseworker, is told what is left out and where the rest is', async () => {
    const { token } = await linkFor('citizen');
    const page = await open(token);
    const notice = page.getByRole('region', { name: 'Du ser ikke alt her' });
    await notice.getByText(`Dette link er også vist til ${cw.name}.`, { exact: false }).waitFor();
    await notice.getByText('via linket i den mail, vi har sendt dig', { exact: false }).waitFor();
    expect(await page.getByTestId('guest-access-log').count()).toBe(0);
    expect(await fitsPhone(page)).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('a link that no longer works', () => {
  it('shows the plain "link not valid" page once the link is revoked', async () => {
    const { meeting, participant, token } = await linkFor('doctor');
    const page = await open(token);
    await page.getByText('Du er inviteret som Læge Hansen.').waitFor();
    await cw.api.meetings.revokeLink(meeting.id, participant.id);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Linket virker ikke' }).waitFor();
    await page.getByText(/Kontakt den medarbejder, der sendte dig linket/).waitFor();
    expect(await page.getByText('Læge Hansen').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
