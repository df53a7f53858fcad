import type { Page } from 'playwright-core';
import type { TestApp } from '../support/app';
import { axeViolations, browserSuite, loginAs } from '../support/browser';
import { createCase, createMeeting, createTeamOf, type Staff } from '../support/factories';

const suite = browserSuite();
let t: TestApp;
let cw: Staff;
let colleague: Staff;
let caseId: string;

// Sunday 29 November 2026, noon in Copenhagen: the coming week is ISO week 49 (30 Nov – 4 Dec).
const sunday = new Date('2026-11-29T11:00:00Z');
// Tuesday 1 December 2026, 09.00–10.00 in Copenhagen (03.00 in New York).
const tuesday = { start: new Date('2026-12-01T08:00:00Z'), end: new Date('2026-12-01T09:00:00Z') };

beforeAll(async () => {
  t = suite.t;
  ({ caseworker: cw, social: colleague } = await createTeamOf(t, 'caseworker', 'social'));
  caseId = (await createCase(t, cw.cookie, cw.id)).kase.id;
});

/** A browser in New York on that Sunday, logged in as the team's caseworker. */
async function calendarOnSunday(): Promise<Page> {
  const page = await suite.newPage({ timezoneId: 'America/New_York' });
  await page.clock.setFixedTime(sunday);
  await loginAs(page, t.url, cw.email);
  return page;
}

const meetingLink = (page: Page, title: string) =>
  page.getByTestId('calendar').getByRole('link', { name: new RegExp(title) });

describe('calendar', () => {
  it('opens on the coming week on a Sunday, with its Danish week number', async () => {
    const lastFriday = await createMeeting(t, caseId, cw, {
      start: new Date('2026-11-27T09:00:00Z'),
      end: new Date('2026-11-27T10:00:00Z'),
    });
    const coming = await createMeeting(t, caseId, cw, tuesday);
    const page = await calendarOnSunday();
    await meetingLink(page, coming.title).waitFor();
    const calendar = page.getByTestId('calendar');
    await calendar.getByRole('columnheader', { name: 'Uge 49' }).waitFor();
    expect(await calendar.getByText(lastFriday.title).count()).toBe(0);
  });

  it('shows times in Copenhagen time in a New York browser', async () => {
    const meeting = await createMeeting(t, caseId, cw, tuesday);
    const page = await calendarOnSunday();
    const link = meetingLink(page, meeting.title);
    await link.waitFor();
    expect(await link.textContent()).toContain('09.00');
    expect(await link.textContent()).not.toContain('03.00');
  });

  it('names each meeting by day, time, title and status in Danish, with no English left', async () => {
    const meeting = await createMeeting(t, caseId, cw, tuesday);
    const page = await calendarOnSunday();
    await page
      .getByRole('link', {
        name: new RegExp(`^tirsdag 1\\. december, 09\\.00–10\\.00 ${meeting.title}\\s*, fastlagt$`),
      })
      .waitFor();
    const text = (await page.getByTestId('calendar').textContent()) ?? '';
    expect(text).not.toMatch(/Timed|All-day|Week|Today|Events/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('reaches a meeting by keyboard and opens its page with Enter', async () => {
    const meeting = await createMeeting(t, caseId, cw, { ...tuesday, doctor: 'Læge Lise Holm' });
    const page = await calendarOnSunday();
    await meetingLink(page, meeting.title).waitFor();
    let focused = '';
    for (let presses = 0; presses < 80 && !focused.includes(meeting.title); presses += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    }
    expect(focused).toContain(meeting.title);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/meetings/${meeting.id}$`));
    await page.getByRole('heading', { level: 1, name: meeting.title }).waitFor();
    const participants = page.getByTestId('meeting-participants');
    await participants.getByText('Læge Lise Holm').waitFor();
    expect(await participants.textContent()).toContain('(Læge): Har ikke svaret');
  });

  it("adds a colleague's meetings by checkbox, marked with the colleague's name", async () => {
    // A shared meeting makes the colleague known to the calendar; the colleague's own one is then shown.
    await createMeeting(t, caseId, cw, { ...tuesday, colleagues: [colleague] });
    const theirs = await createMeeting(t, caseId, colleague, {
      start: new Date('2026-12-02T12:00:00Z'),
      end: new Date('2026-12-02T13:00:00Z'),
    });
    const page = await calendarOnSunday();
    const checkbox = page.getByRole('group', { name: 'Vis kollegers møder' }).getByLabel(colleague.name);
    await checkbox.check();
    const link = page.getByRole('link', {
      name: new RegExp(`${theirs.title}\\s*, kollegaen ${colleague.name}s kalender`),
    });
    await link.waitFor();
    expect(await link.getAttribute('class')).toContain('tv-event--colleague');
    expect(await axeViolations(page)).toEqual([]);
    await checkbox.uncheck();
    await link.waitFor({ state: 'detached' });
  });
});

describe('meeting page', () => {
  it('shows a proposed meeting with its proposals, place, video, case and participants, axe clean', async () => {
    const meeting = await createMeeting(t, caseId, cw, {
      proposals: [tuesday, { start: new Date('2026-12-03T13:00:00Z'), end: new Date('2026-12-03T14:00:00Z') }],
      location: 'Jobcentret, mødelokale 2',
      videoUrl: 'https://video.example.dk/rum-abc',
      doctor: 'Læge Lise Holm',
    });
    const page = await suite.newPage({ timezoneId: 'America/New_York' });
    await loginAs(page, t.url, cw.email);
    await page.goto(`${t.url}/meetings/${meeting.id}`);
    await page.getByRole('heading', { level: 1, name: meeting.title }).waitFor();
    const facts = (await page.getByTestId('meeting-facts').textContent()) ?? '';
    expect(facts).toContain('Foreslået, venter på at en tid vælges');
    expect(facts).toContain('tirsdag den 1. december 2026 kl. 09.00–10.00');
    expect(facts).toContain('torsdag den 3. december 2026 kl. 14.00–15.00');
    expect(facts).toContain('Jobcentret, mødelokale 2');
    const video = page.getByRole('link', { name: /Deltag på video/ });
    expect(await video.getAttribute('href')).toBe('https://video.example.dk/rum-abc');
    expect(await page.getByRole('link', { name: 'Gå til sagen' }).getAttribute('href')).toBe(`/cases/${caseId}`);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says in Danish that a meeting out of reach does not exist', async () => {
    const page = await suite.newPage();
    await loginAs(page, t.url, cw.email);
    await page.goto(`${t.url}/meetings/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('heading', { level: 1, name: 'Mødet findes ikke' }).waitFor();
  });
});
