import type { Locator, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import type { TestApp } from '../support/app';
import { axeViolations, browserSuite, loginAs, moveOnMeetingPage } from '../support/browser';
import { apiClient } from '../support/client';
import { createCase, createMeeting, createTeamOf, type Staff } from '../support/factories';

const suite = browserSuite();
let t: TestApp;
let cw: Staff;
let colleague: Staff;
let caseId: string;

// Sunday 29 November 2037, noon in Copenhagen: the coming week is ISO week 49 (30 Nov – 4 Dec). Far ahead on
// purpose: the server refuses meetings in the past, and 2037 has the weekdays of 2026 (the same Danish dates).
const sunday = new Date('2037-11-29T11:00:00Z');
// Tuesday 1 December 2037, 09.00–10.00 in Copenhagen (03.00 in New York).
const tuesday = { start: new Date('2037-12-01T08:00:00Z'), end: new Date('2037-12-01T09:00:00Z') };

beforeAll(async () => {
  ({ t, caseworker: cw, social: colleague } = await suite.team('caseworker', 'social'));
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
      start: new Date('2037-11-27T09:00:00Z'),
      end: new Date('2037-11-27T10:00:00Z'),
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
      start: new Date('2037-12-02T12:00:00Z'),
      end: new Date('2037-12-02T13:00:00Z'),
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

describe('calendar under the Content-Security-Policy', () => {
  it('shows, filters and opens meetings with no violation, while an inline script is refused', async () => {
    const meeting = await createMeeting(t, caseId, cw, { ...tuesday, colleagues: [colleague] });
    const page = await suite.newPage({ timezoneId: 'America/New_York' });
    await page.clock.setFixedTime(sunday);
    const answer = await page.goto(`${t.url}/login`);
    expect(await answer?.headerValue('content-security-policy')).toMatch(/script-src 'self';/);
    await loginAs(page, t.url, cw.email);
    await meetingLink(page, meeting.title).waitFor();
    await page.getByRole('group', { name: 'Vis kollegers møder' }).getByLabel(colleague.name).check();
    await meetingLink(page, meeting.title).first().click();
    await page.getByRole('heading', { level: 1, name: meeting.title }).waitFor();
    await page.goBack();
    await meetingLink(page, meeting.title).first().waitFor();
    expect(suite.takeCspViolations()).toEqual([]);

    // The check can fail: a script the policy does not allow is refused, and reported.
    const reported = page.waitForEvent('console', (msg) => /Content Security Policy/.test(msg.text()));
    const ran = await page.evaluate(async () => {
      const refused = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true }),
      );
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
      return { ran: 'inlineRan' in window, directive: await refused };
    });
    expect(ran).toEqual({ ran: false, directive: 'script-src-elem' });
    await reported;
    expect(suite.takeCspViolations()).toHaveLength(1);
  });
});

describe('meeting page', () => {
  it('shows a proposed meeting with its proposals, place, video, case and participants, axe clean', async () => {
    const meeting = await createMeeting(t, caseId, cw, {
      proposals: [tuesday, { start: new Date('2037-12-03T13:00:00Z'), end: new Date('2037-12-03T14:00:00Z') }],
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
    expect(facts).toContain('tirsdag den 1. december 2037 kl. 09.00–10.00');
    expect(facts).toContain('torsdag den 3. december 2037 kl. 14.00–15.00');
    expect(facts).toContain('Jobcentret, mødelokale 2');
    const video = page.getByRole('link', { name: /Deltag på video/ });
    expect(await video.getAttribute('href')).toBe('https://video.example.dk/rum-abc');
    expect(await page.getByRole('link', { name: 'Gå til sagen' }).getAttribute('href')).toBe(`/cases/${caseId}`);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says in Danish that a meeting out of reach does not exist', async () => {
    const page = await suite.pageAs(cw.email, '/meetings/00000000-0000-4000-8000-000000000000');
    await page.getByRole('heading', { level: 1, name: 'Mødet findes ikke' }).waitFor();
  });
});

describe('moving a meeting with "Flyt"', () => {
  it('moves it to a free time and shows the new time', async () => {
    const meeting = await apiClient(t, cw.cookie).meetings.create({
      caseId,
      start: '2027-01-19T09:00:00+01:00',
      end: '2027-01-19T10:00:00+01:00',
      participants: [{ kind: 'staff', staffId: colleague.id }],
    });
    const page = await suite.pageAs(cw.email, `/meetings/${meeting.id}`);
    await moveOnMeetingPage(page, '20-01-2027', '11.00', '12.00');
    await page.getByTestId('meeting-facts').getByText('onsdag den 20. januar 2027 kl. 11.00–12.00').waitFor();
    const moved = await apiClient(t, cw.cookie).meetings.get(meeting.id);
    expect([moved.start, moved.end]).toEqual(['2027-01-20T10:00:00.000Z', '2027-01-20T11:00:00.000Z']);
  });
});

describe('calendar: drag to plan and to move, colleagues busy', () => {
  let mover: Staff;
  let busyOne: Staff;
  let moverCase: string;
  let citizenName: string;

  beforeAll(async () => {
    ({ caseworker: mover, health: busyOne } = await createTeamOf(t, 'caseworker', 'health'));
    const created = await createCase(t, mover.cookie, mover.id);
    moverCase = created.kase.id;
    citizenName = created.kase.citizenName;
  });

  /** The mover's calendar on Sunday 29 November: week 49 shown, the whole day in view (the mouse acts only there). */
  async function moverCalendar(): Promise<Page> {
    const page = await suite.newPage({ timezoneId: 'America/New_York', viewport: { width: 1280, height: 1400 } });
    await page.clock.setFixedTime(sunday);
    await loginAs(page, t.url, mover.email);
    return page;
  }

  /** The centre of a day's column (x) at a time of day (y), as FullCalendar lays out week 49. */
  async function pointAt(page: Page, date: string, time: string): Promise<{ x: number; y: number }> {
    const calendar = page.getByTestId('calendar');
    const column = await calendar.locator(`[role="cell"][data-date="${date}"]`).boundingBox();
    const slot = await calendar.locator(`[data-time="${time}:00"]`).first().boundingBox();
    if (!column || !slot) throw new Error(`no ${date} ${time} in the calendar`);
    return { x: column.x + column.width / 2, y: slot.y + 2 };
  }

  /** Presses the mouse at `from`, moves in steps (FullCalendar needs movement) and lets go at `to`. */
  async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 5, from.y + 5, { steps: 3 });
    await page.mouse.move(to.x, to.y, { steps: 12 });
    await page.mouse.up();
  }

  /** Drags an event from its top edge, so it lands with its start at the slot pointed to. */
  async function dragEvent(page: Page, event: Locator, date: string, time: string) {
    const box = await event.boundingBox();
    if (!box) throw new Error('the event is not shown');
    await drag(page, { x: box.x + box.width / 2, y: box.y + 4 }, await pointAt(page, date, time));
  }

  /** A meeting of the mover's at these times, and the mover's calendar showing it. */
  async function shownMeeting(start: string, end: string) {
    const meeting = await createMeeting(t, moverCase, mover, { start: new Date(start), end: new Date(end) });
    const page = await moverCalendar();
    const event = meetingLink(page, meeting.title);
    await event.waitFor();
    return { meeting, page, event };
  }

  /** Waits for the calendar to say the meeting was moved to `when`. */
  const saysMoved = (page: Page, title: string, when: string) =>
    page.getByTestId('calendar-feedback').getByText(`»${title}« er flyttet til ${when}.`).waitFor();

  const dayOf = (event: Locator) =>
    event.evaluate((el) => el.closest('[role="cell"]')?.getAttribute('data-date') ?? null);

  it('moves my meeting by dragging it and says so', async () => {
    // Monday 30 November 10.00–11.00 in Copenhagen, dragged to Wednesday 2 December 10.00.
    const { meeting, page, event } = await shownMeeting('2037-11-30T09:00:00Z', '2037-11-30T10:00:00Z');
    await dragEvent(page, event, '2037-12-02', '10:00');
    await saysMoved(page, meeting.title, 'onsdag 2. december kl. 10.00–11.00');
    const moved = await apiClient(t, mover.cookie).meetings.get(meeting.id);
    expect([moved.start, moved.end]).toEqual(['2037-12-02T09:00:00.000Z', '2037-12-02T10:00:00.000Z']);
    expect(await dayOf(event)).toBe('2037-12-02');
  });

  it('makes my meeting longer by dragging its lower edge', async () => {
    // Monday 30 November 14.00–15.00 in Copenhagen, to 15.30.
    const { meeting, page, event } = await shownMeeting('2037-11-30T13:00:00Z', '2037-11-30T14:00:00Z');
    await event.hover();
    const box = await event.boundingBox();
    if (!box) throw new Error('the event is not shown');
    const to = await pointAt(page, '2037-11-30', '15:00');
    await drag(page, { x: box.x + box.width / 2, y: box.y + box.height - 2 }, { x: to.x, y: to.y + 8 });
    await saysMoved(page, meeting.title, 'mandag 30. november kl. 14.00–15.30');
    expect((await apiClient(t, mover.cookie).meetings.get(meeting.id)).end).toBe('2037-11-30T14:30:00.000Z');
  });

  it('does not move a held meeting by dragging', async () => {
    const held = await createMeeting(t, moverCase, mover, {
      start: new Date('2037-11-30T07:00:00Z'),
      end: new Date('2037-11-30T08:00:00Z'),
    });
    await t.app.get(DataSource).query(`UPDATE meeting SET status = 'held' WHERE id = $1`, [held.id]);
    const page = await moverCalendar();
    const event = meetingLink(page, held.title);
    await event.waitFor();
    await dragEvent(page, event, '2037-12-02', '08:00');
    // Were it draggable, the PATCH (409 MEETING_CLOSED) would put it back and say so in the feedback.
    await page.waitForLoadState('networkidle');
    expect(await apiClient(t, mover.cookie).meetings.get(held.id)).toMatchObject({ start: '2037-11-30T07:00:00.000Z' });
    expect(await page.getByTestId('calendar-feedback').textContent()).toBe('');
  });

  it('puts a dragged meeting back and names the colleague who is busy then', async () => {
    // Tuesday 1 December 10.00–11.00 with the health worker, who is taken on Thursday 3 December 10.00–11.00.
    const meeting = await createMeeting(t, moverCase, mover, {
      start: new Date('2037-12-01T09:00:00Z'),
      end: new Date('2037-12-01T10:00:00Z'),
      colleagues: [busyOne],
    });
    await createMeeting(t, moverCase, busyOne, {
      start: new Date('2037-12-03T09:00:00Z'),
      end: new Date('2037-12-03T10:00:00Z'),
    });
    const page = await moverCalendar();
    const event = meetingLink(page, meeting.title);
    await event.waitFor();
    await dragEvent(page, event, '2037-12-03', '10:00');
    await page
      .getByTestId('calendar-feedback')
      .getByText(`»${meeting.title}« blev ikke flyttet: ${busyOne.name} er ikke ledig på det tidspunkt.`)
      .waitFor();
    expect(await dayOf(event)).toBe('2037-12-01');
    const kept = await apiClient(t, mover.cookie).meetings.get(meeting.id);
    expect(kept.start).toBe('2037-12-01T09:00:00.000Z');
  });

  it('plans a meeting for a time dragged across, after asking which case', async () => {
    const page = await moverCalendar();
    await page.getByTestId('calendar').locator('[role="cell"][data-date="2037-12-04"]').waitFor();
    // From the slot at 13.00 to the one at 13.30: the selection ends where that slot ends.
    await drag(page, await pointAt(page, '2037-12-04', '13:00'), await pointAt(page, '2037-12-04', '13:30'));
    const dialog = page.getByRole('dialog', { name: 'Nyt rundbordsmøde' });
    await dialog.getByText('Tid: fredag 4. december kl. 13.00–14.00').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByLabel('Hvilken af dine sager gælder mødet?').selectOption({ label: citizenName });
    await dialog.getByRole('button', { name: 'Videre til planlægning' }).click();
    await page.waitForURL(new RegExp(`/cases/${moverCase}/meetings/new\\?`));
    await page.getByRole('heading', { level: 1, name: 'Planlæg rundbordsmøde' }).waitFor();
    expect(await page.getByLabel('Dato').inputValue()).toBe('04-12-2037');
    expect(await page.getByLabel('Fra kl.').inputValue()).toBe('13.00');
    expect(await page.getByLabel('Til kl.').inputValue()).toBe('14.00');
    await page.getByTestId('plan-meeting').click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    const planned = await apiClient(t, mover.cookie).meetings.get(page.url().split('/').pop() ?? '');
    expect([planned.start, planned.end]).toEqual(['2037-12-04T12:00:00.000Z', '2037-12-04T13:00:00.000Z']);
  });

  it('opens the same planning by keyboard with "Nyt rundbordsmøde"', async () => {
    const page = await moverCalendar();
    const button = page.getByRole('button', { name: 'Nyt rundbordsmøde' });
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Nyt rundbordsmøde' });
    await dialog.getByLabel('Hvilken af dine sager gælder mødet?').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await button.click();
    await dialog.getByRole('button', { name: 'Videre til planlægning' }).click();
    await page.waitForURL(new RegExp(`/cases/${moverCase}/meetings/new$`));
  });

  it("shows a ticked colleague's busy time as shading with the name, and in words", async () => {
    // Friday 4 December 08.00–10.00 in Copenhagen the health worker is away.
    await apiClient(t, busyOne.cookie).staff.addAbsence(busyOne.id, {
      start: '2037-12-04T07:00:00.000Z',
      end: '2037-12-04T09:00:00.000Z',
    });
    const page = await moverCalendar();
    await page.getByRole('group', { name: 'Vis kollegers møder' }).getByLabel(busyOne.name).check();
    const shading = page.getByTestId('calendar').locator('.tv-busy', { hasText: busyOne.name });
    await shading.first().waitFor();
    expect(await shading.count()).toBeGreaterThanOrEqual(2);
    const list = page.getByTestId('busy-list');
    await list.locator('summary').click();
    await list.getByText('fredag 4. december kl. 08.00–10.00 (fravær)').waitFor();
    await list.getByText('torsdag 3. december kl. 10.00–11.00 (møde)').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
