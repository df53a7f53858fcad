// What the doctor, the citizen and staff see on their pages: the doctor's phone page
// names the citizen and the fee, shows the answer as chosen and a read-only copy of the statement; the citizen sees
// the outcome; the planner proposes exact start times; the meeting page closes "Flyt" with Esc, refuses the past,
// and lets a participant from another team answer without moving or cancelling.
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import type { TestApp } from '../support/app';
import { axeViolations, browserSuite, calendarWeek } from '../support/browser';
import { apiClient } from '../support/client';
import { createCase, createEffort, createStaff, issueGuestLink, type Staff } from '../support/factories';

const suite = browserSuite(() => ({ DOCTOR_FEE_TEXT: 'Mødet honoreres efter ydelse 2101.' }));
const phone = { viewport: { width: 390, height: 844 } };
let t: TestApp;
let ds: DataSource;
let cw: Staff;
let health: Staff;
let day = 20;

beforeAll(async () => {
  ({ t, caseworker: cw, health } = await suite.team('caseworker', 'health'));
  ds = t.app.get(DataSource);
  await ds.query(`UPDATE staff SET phone = '+45 72 10 99 00' WHERE id = $1`, [cw.id]);
});

/** A whole hour on a day of its own (the caseworker cannot have two meetings at once), `days` ahead. */
function hourAhead(hour = 9) {
  const start = new Date(Date.now() + day++ * 86_400_000);
  start.setUTCHours(hour, 0, 0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + 3600_000).toISOString() };
}

/** A test CPR's birth date (1900s births) as the page writes it, e.g. "5. maj 1980". */
const birthDate = (cpr: string) =>
  new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(1900 + Number(cpr.slice(4, 6)), Number(cpr.slice(2, 4)) - 1, Number(cpr.slice(0, 2)))),
  );
const fitsPhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe("the doctor's page on a phone", () => {
  it('names the citizen and the fee, shows the answer as chosen and a read-only copy of the statement', async () => {
    const { kase, citizen } = await createCase(t, cw.cookie, cw.id, 0.01);
    // The link is made by the caseworker, so it shows no more health data than they see: the citizen consents.
    await cw.api.citizens.setConsent(citizen.id, 'health_in_unit', { given: true });
    const [a, b] = [hourAhead(), hourAhead()];
    const meeting = await apiClient(t, cw.cookie).meetings.create({
      caseId: kase.id,
      proposals: [a, b],
      location: 'Jobcentret, mødelokale 2',
      participants: [{ kind: 'doctor', name: 'Læge Hansen' }],
    });
    const doctor = meeting.participants.find((p) => p.kind === 'doctor')!;
    const page = await suite.newPage(phone);
    await page.goto(`${t.url}/m/${await issueGuestLink(t, cw.cookie, meeting.id, doctor.id)}`);
    const about = page.getByTestId('guest-about');
    await about.getByTestId('guest-citizen').getByText(citizen.name, { exact: false }).waitFor();
    expect(await about.getByTestId('guest-citizen').innerText()).toContain(`født ${birthDate(citizen.cpr)}`);
    await about.getByText('erstatter en lægeattest', { exact: false }).waitFor();
    await about.getByRole('link', { name: '+45 72 10 99 00' }).waitFor();
    await about.getByText('Fremmøde på adressen under Sted').waitFor();
    await page.getByTestId('meeting-facts').getByText('Jobcentret, mødelokale 2').waitFor();
    await about.getByTestId('guest-fee').getByText('Mødet honoreres efter ydelse 2101.').waitFor();
    expect(await fitsPhone(page)).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);

    // Choosing a time is accepting it: "Dit svar" says so at once, and "Jeg kommer" is shown as chosen.
    await page.getByRole('group', { name: 'Hvilket tidspunkt passer dig?' }).getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Vælg tidspunkt' }).click();
    await page.getByTestId('guest-answer').getByText('Har sagt ja').waitFor();
    const accept = page.getByRole('button', { name: 'Jeg kommer' });
    await accept.waitFor();
    expect(await accept.getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Jeg kan ikke komme' }).click();
    await page.getByTestId('guest-answer').getByText('Har sagt nej').waitFor();
    expect(await page.getByRole('button', { name: 'Jeg kan ikke komme' }).getAttribute('aria-pressed')).toBe('true');
    expect(await accept.getAttribute('aria-pressed')).toBe('false');

    const form = page.getByRole('region', { name: 'Din lægefaglige vurdering' });
    await form.getByRole('group', { name: 'Arbejdsevne' }).getByLabel('Delvis').check();
    await form.getByLabel('Vurdering').fill('Kan arbejde 15 timer om ugen.');
    await form.getByLabel('Anbefalinger').fill('Gradvis optrapning.');
    await form.getByRole('button', { name: 'Send vurderingen' }).click();
    const copy = form.getByTestId('guest-given-statements');
    await copy.getByText('Kan arbejde 15 timer om ugen.').waitFor();
    expect(await form.getByLabel('Vurdering').count()).toBe(0);
    // After a reload the copy is still there: it comes from the link, not from the page's memory.
    await page.reload();
    await page.getByTestId('guest-given-statements').getByText('Gradvis optrapning.').waitFor();
    expect(await fitsPhone(page)).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe("the citizen's page", () => {
  it('shows a held meeting’s summary and the decisions about the plan in plain Danish', async () => {
    const { kase } = await createCase(t, cw.cookie, cw.id, 0.01);
    const effort = await createEffort(t, cw.cookie, kase.id, { type: 'virksomhedspraktik', title: 'Praktik i Netto' });
    const start = new Date(Date.now() - 30 * 60_000);
    const [m] = await ds.query<{ id: string }[]>(
      `INSERT INTO meeting (case_id, title, status, start_at, end_at, created_by) VALUES ($1, 'Rundbordsmøde', 'scheduled', $2, $3, $4) RETURNING id`,
      [kase.id, start, new Date(start.getTime() + 3600_000), cw.id],
    );
    await ds.query(
      `INSERT INTO meeting_participant (meeting_id, kind, staff_id, name, response) VALUES ($1, 'staff', $2, $3, 'accepted')`,
      [m.id, cw.id, cw.name],
    );
    const [self] = await ds.query<{ id: string }[]>(
      `INSERT INTO meeting_participant (meeting_id, kind, name) VALUES ($1, 'citizen', 'Borger') RETURNING id`,
      [m.id],
    );
    const token = await issueGuestLink(t, cw.cookie, m.id, self.id);
    await apiClient(t, cw.cookie).meetings.recordOutcome(m.id, {
      summary: 'Vi talte om praktikken.',
      decisions: [{ text: 'Praktikken forlænges', effort: { change: { effortId: effort.id, endDate: '2027-03-01' } } }],
    });
    const page = await suite.newPage(phone);
    await page.goto(`${t.url}/m/${token}`);
    const outcome = page.getByTestId('guest-outcome');
    await outcome.getByText('Vi talte om praktikken.').waitFor();
    await outcome.getByText('Indsats: Virksomhedspraktik (Praktik i Netto), ændret: slutdato 1. marts 2027').waitFor();
    expect(await fitsPhone(page)).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the planner', () => {
  it('proposes exact start times of the chosen length, and asks for a second time in words', async () => {
    const { kase } = await createCase(t, cw.cookie, cw.id, 0.01);
    const page = await suite.pageAs(cw.email, `/cases/${kase.id}/meetings/new`);
    await page.getByLabel('Lægens navn').fill('Læge Hansen');
    await page.getByLabel('Varighed').selectOption('45');
    const times = page.getByTestId('start-times');
    // Grouped by day, each a group of its own named by the day.
    await times.getByRole('group').first().waitFor();
    const boxes = times.getByRole('checkbox');
    expect(await boxes.first().isVisible()).toBe(true);
    expect(await times.getByRole('checkbox').first().getAttribute('value')).toMatch(/T\d\d:(00|15|30|45):00/);
    const first = (await boxes.nth(0).getAttribute('value'))!;
    const third = (await boxes.nth(2).getAttribute('value'))!;
    await boxes.nth(0).check();
    await page.getByTestId('plan-meeting').click();
    await page.getByText('Vælg mindst 2 tider – eller vælg ‘Et fast tidspunkt’ for ét.').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await boxes.nth(2).check();
    await page.getByTestId('plan-meeting').click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    const meeting = await apiClient(t, cw.cookie).meetings.get(page.url().split('/').pop()!);
    expect(meeting.proposals).toEqual(
      [first, third].map((s) => ({
        start: new Date(s).toISOString(),
        end: new Date(Date.parse(s) + 45 * 60_000).toISOString(),
      })),
    );
  });
});

describe('the meeting page', () => {
  it('names the citizen, closes "Flyt" with Esc (focus back on the button) and refuses a time in the past', async () => {
    const { kase, citizen } = await createCase(t, cw.cookie, cw.id, 0.01);
    const meeting = await apiClient(t, cw.cookie).meetings.create({
      caseId: kase.id,
      ...hourAhead(),
      participants: [{ kind: 'doctor', name: 'Læge Hansen' }],
    });
    const page = await suite.pageAs(cw.email, `/meetings/${meeting.id}`);
    await page.getByRole('heading', { level: 1, name: `Rundbordsmøde om ${citizen.name}` }).waitFor();
    const move = page.getByRole('button', { name: 'Flyt' });
    await move.click();
    await page.getByTestId('move-meeting-form').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('move-meeting-form').waitFor({ state: 'detached' });
    expect(await move.evaluate((el) => el === document.activeElement)).toBe(true);

    await move.click();
    await page.getByLabel('Dato').fill('01-02-2020');
    await page.getByLabel('Fra kl.').fill('09.00');
    await page.getByLabel('Til kl.').fill('10.00');
    await page.getByTestId('move-meeting').click();
    await page.getByText('Tidspunktet er overstået. Vælg et tidspunkt frem i tiden.').first().waitFor();
    expect((await apiClient(t, cw.cookie).meetings.get(meeting.id)).start).toBe(meeting.start);

    // The cancel question closes with Esc too.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Aflys mødet' }).click();
    await page.getByRole('group', { name: /aflyse/i }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('group', { name: /aflyse/i }).waitFor({ state: 'detached' });

    // So does a link shown to copy: focus goes back to the button that made it.
    await page.getByRole('button', { name: 'Lav link til Læge Hansen' }).click();
    const url = page.getByLabel('Link til Læge Hansen', { exact: true });
    await url.waitFor();
    await page.keyboard.press('Escape');
    await url.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Nyt link til Læge Hansen',
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lets a participant from another team accept or decline, but not move, cancel or make links', async () => {
    const { kase } = await createCase(t, cw.cookie, cw.id, 0.01);
    const outsider = await createStaff(t);
    const meeting = await apiClient(t, cw.cookie).meetings.create({
      caseId: kase.id,
      ...hourAhead(11),
      participants: [{ kind: 'doctor', name: 'Læge Hansen' }],
    });
    await ds.query(`INSERT INTO meeting_participant (meeting_id, kind, staff_id, name) VALUES ($1, 'staff', $2, $3)`, [
      meeting.id,
      outsider.id,
      outsider.name,
    ]);
    const page = await suite.pageAs(outsider.email, `/meetings/${meeting.id}`);
    const mine = page.getByTestId('my-response');
    await mine.getByText('Har ikke svaret').waitFor();
    await mine.getByRole('button', { name: 'Jeg kommer' }).click();
    await mine.getByText('Har sagt ja').waitFor();
    expect(await mine.getByRole('button', { name: 'Jeg kommer' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('button', { name: 'Flyt' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Aflys mødet' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Lav link/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    const seen = await apiClient(t, cw.cookie).meetings.get(meeting.id);
    expect(seen.participants.find((p) => p.staffId === outsider.id)?.response).toBe('accepted');
  });

  it('lets an invited colleague answer from the calendar', async () => {
    const { kase } = await createCase(t, cw.cookie, cw.id, 0.01);
    // Friday afternoon of the week the calendar opens on (the next week on a weekend).
    const start = calendarWeek().plus({ days: 4, hours: 14 }).toJSDate();
    const meeting = await apiClient(t, cw.cookie).meetings.create({
      caseId: kase.id,
      title: 'Møde med sundhed',
      start: start.toISOString(),
      end: new Date(start.getTime() + 3600_000).toISOString(),
      participants: [{ kind: 'staff', staffId: health.id }],
    });
    const page = await suite.pageAs(health.email, '/');
    const list = page.getByTestId('pending-invitations');
    const item = list.getByRole('listitem').filter({ hasText: 'Møde med sundhed' });
    await item.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await item.getByRole('button', { name: 'Jeg kan ikke komme' }).click();
    await item.waitFor({ state: 'detached' });
    const seen = await apiClient(t, cw.cookie).meetings.get(meeting.id);
    expect(seen.participants.find((p) => p.staffId === health.id)?.response).toBe('declined');
  });
});
