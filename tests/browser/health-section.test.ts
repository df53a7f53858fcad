// Staff read what guests gave, in the browser: the case page's "Helbred" for a health
// worker and for a caseworker with the citizen's consent (and what it says without), the meeting page's statement,
// the worklist item, the printout, and the planner offering a health colleague who is not yet on the case.
import { rooms } from '@tvaers/contracts';
import type { Page } from 'playwright-core';
import { RealtimeGateway } from '@tvaers/api/src/realtime/realtime.gateway';
import { demo, type TestApp } from '../support/app';
import { axeViolations, browserSuite } from '../support/browser';
import { apiClient } from '../support/client';
import { addGuestParticipant, createCase, createMeeting, issueGuestLink } from '../support/factories';
import { eventually } from '../support/wait';

const suite = browserSuite();
let t: TestApp, cw: string, cwId: string;

beforeAll(async () => ({ t, cookie: cw, id: cwId } = await suite.as(demo.caseworker)));

const assessment = 'Borgeren kan arbejde 15 timer om ugen med pauser.';

/** A case of the demo caseworker with a meeting whose doctor sent a statement and whose citizen sent an assessment. */
async function caseWithStatement() {
  const { citizen, kase } = await createCase(t, cw, cwId);
  const me = await apiClient(t, cw).auth.me();
  const meeting = await createMeeting(t, kase.id, { id: me.id, name: me.name });
  const doctor = await addGuestParticipant(t, meeting.id, 'doctor', 'Læge Birgit Holm');
  const self = await addGuestParticipant(t, meeting.id, 'citizen', citizen.name);
  const guest = apiClient(t).guests;
  await guest.giveHealthStatement(await issueGuestLink(t, cw, meeting.id, doctor.id), {
    workCapacity: 'partial',
    assessment,
    recommendations: 'Gradvis opstart',
    restrictions: 'Ingen løft',
  });
  await guest.giveOwnAssessment(await issueGuestLink(t, cw, meeting.id, self.id), {
    text: 'Jeg sover bedre nu',
    wellbeing: 7,
  });
  return { citizen, kase, meeting };
}

const healthSection = (page: Page) => page.getByTestId('health-section');

async function readsStatement(page: Page) {
  const statement = healthSection(page).getByTestId('health-statement');
  await statement.waitFor();
  const text = await statement.textContent();
  expect(text).toContain('Helbredsudtalelse fra Læge Birgit Holm');
  expect(text).toContain('Delvis arbejdsevne');
  expect(text).toContain(assessment);
  expect(text).toContain('Ingen løft');
  const own = await healthSection(page).getByTestId('own-assessment').textContent();
  expect(own).toContain('Jeg sover bedre nu');
  expect(own).toContain('7 ud af 10');
}

describe('the case page\'s "Helbred"', () => {
  it('shows a health worker the statement and the own assessment, accessibly', async () => {
    const { kase } = await caseWithStatement();
    const page = await suite.pageAs(demo.health, `/cases/${kase.id}#health`);
    await readsStatement(page);
    expect(await healthSection(page).getByTestId('health-data-hidden').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('tells a caseworker without consent what is hidden and why, and shows it once the citizen consents', async () => {
    const { citizen, meeting } = await caseWithStatement();
    const page = await suite.pageAs(demo.caseworker);

    // The worklist names the new statement and that reading it needs consent, with no health content.
    await page.goto(`${t.url}/worklist`);
    const item = page.getByTestId('worklist-item').filter({ hasText: citizen.name });
    await item.filter({ hasText: 'Ny helbredsudtalelse (kræver samtykke for at læse)' }).waitFor();
    expect(await item.textContent()).not.toContain(assessment);

    await item.getByRole('link', { name: citizen.name }).click();
    const note = healthSection(page).getByTestId('health-data-hidden');
    await note.waitFor();
    expect(await note.textContent()).toContain('ikke har givet samtykke');
    expect(await healthSection(page).getByTestId('health-statement').count()).toBe(0);
    expect(await page.textContent('body')).not.toContain(assessment);
    expect(await axeViolations(page)).toEqual([]);

    await apiClient(t, cw).citizens.setConsent(citizen.id, 'health_in_unit', { given: true });
    await page.reload();
    await readsStatement(page);
    expect(await axeViolations(page)).toEqual([]);

    // Read by the responsible caseworker: off the worklist.
    await page.goto(`${t.url}/worklist?all=true`);
    await page.getByTestId('worklist').waitFor();
    await page
      .getByTestId('worklist-item')
      .filter({ hasText: citizen.name })
      .filter({ hasText: 'helbredsudtalelse' })
      .waitFor({ state: 'detached' });

    // The meeting page shows what was given for that meeting.
    await page.goto(`${t.url}/meetings/${meeting.id}`);
    const fromMeeting = page.getByTestId('meeting-health');
    await fromMeeting.getByTestId('health-statement').waitFor();
    expect(await fromMeeting.textContent()).toContain(assessment);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows a statement that arrives while the page is open, without a reload', async () => {
    const { kase } = await createCase(t, cw, cwId);
    const me = await apiClient(t, cw).auth.me();
    const meeting = await createMeeting(t, kase.id, { id: me.id, name: me.name });
    const doctor = await addGuestParticipant(t, meeting.id, 'doctor', 'Læge Birgit Holm');
    const page = await suite.pageAs(demo.health, `/cases/${kase.id}`);
    await healthSection(page).getByText('Ingen helbredsudtalelser endnu.').waitFor();
    await page.getByTestId('plan-version').waitFor();
    // The page has joined the case's live room (not a fixed wait: until the server has the socket in it).
    const room = t.app.get(RealtimeGateway).server.in(rooms.plan(kase.id));
    await eventually('the page in the case room', async () => ((await room.fetchSockets()).length ? true : undefined));
    await apiClient(t).guests.giveHealthStatement(await issueGuestLink(t, cw, meeting.id, doctor.id), {
      workCapacity: 'none',
      assessment,
      recommendations: 'Behandling først',
    });
    const statement = healthSection(page).getByTestId('health-statement');
    await statement.waitFor();
    expect(await statement.textContent()).toContain('Ingen arbejdsevne lige nu');
  });

  it('prints the section whole: no toolbar or links, a statement not cut across pages', async () => {
    const { kase } = await caseWithStatement();
    const page = await suite.pageAs(demo.health, `/cases/${kase.id}`);
    await healthSection(page).getByRole('link', { name: 'Udskriv helbred' }).click();
    const printable = page.getByTestId('printable-health');
    await printable.getByTestId('health-statement').waitFor();
    expect(await printable.textContent()).toContain(assessment);
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Udskriv' }).isVisible()).toBe(false);
    expect(await printable.getByRole('link', { name: 'Åbn mødet' }).first().isVisible()).toBe(false);
    expect(await page.locator('.app-header').first().isVisible()).toBe(false);
    const breaks = await printable
      .locator('.health-record')
      .evaluateAll((els) => els.map((el) => getComputedStyle(el).breakInside));
    expect(breaks.length).toBe(2);
    expect(breaks.every((b) => b === 'avoid')).toBe(true);
  });
});

describe('health colleagues join', () => {
  it('the planner offers the team’s health colleague who is not yet on the case', async () => {
    const { kase } = await createCase(t, cw, cwId);
    const health = await apiClient(t, await t.login(demo.health)).auth.me();
    expect((await apiClient(t, cw).cases.get(kase.id)).members.map((m) => m.staffId)).not.toContain(health.id);
    const page = await suite.pageAs(demo.caseworker, `/cases/${kase.id}/meetings/new`);
    const staff = page.getByRole('group', { name: 'Medarbejdere fra sagens team' });
    await staff.getByLabel(new RegExp(health.name)).waitFor();
    expect(await page.getByText('Der er ingen andre medarbejdere').count()).toBe(0);
  });
});
