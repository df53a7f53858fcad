import type { Page } from 'playwright-core';
import { demo, type TestApp } from '../support/app';
import { axeViolations, browserSuite, calendarWeek, loginAs, loginThroughForm } from '../support/browser';
import { apiClient } from '../support/client';

const suite = browserSuite();
let t: TestApp;
let page: Page;
// A browser far from Copenhagen: times must still show in Danish time.
beforeEach(async () => {
  t = suite.t;
  page = await suite.newPage({ timezoneId: 'America/New_York' });
});

describe('login and calendar', () => {
  it('shows a Danish login page without accessibility violations', async () => {
    await page.goto(`${t.url}/`);
    await page.waitForURL(/\/login$/);
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    await page.getByRole('button', { name: 'Log ind' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('tells the user in Danish when the password is wrong', async () => {
    await page.goto(`${t.url}/login`);
    await page.getByLabel('E-mail').fill(demo.caseworker);
    await page.getByLabel('Adgangskode').fill('forkert');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expectText(page.getByRole('alert'), 'Forkert e-mail eller adgangskode.');
    expect(await axeViolations(page)).toEqual([]);
  });

  it("shows the caseworker's meetings this week in Copenhagen time, 24-hour clock", async () => {
    const monday = calendarWeek();
    const week = { from: monday.toUTC().toISO()!, to: monday.plus({ days: 5 }).toUTC().toISO()! };
    const meetings = await apiClient(t, await t.login(demo.caseworker)).meetings.list(week);
    // A scheduled meeting inside the calendar's hours (07–19 Copenhagen time): other test files give the demo
    // caseworker meetings at any hour (e.g. 24 hours from now), which the week grid does not show.
    const hour = (iso: string) =>
      Number(
        new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', hourCycle: 'h23' }).format(
          new Date(iso),
        ),
      );
    const scheduled = meetings.items.filter(
      (m) => m.status === 'scheduled' && m.start !== null && hour(m.start) >= 7 && hour(m.start) < 18,
    );
    expect(scheduled.length).toBeGreaterThan(0);
    const { title, start } = scheduled[0];
    if (start === null) throw new Error(`scheduled meeting "${title}" has no start`);

    await loginThroughForm(page, t.url, demo.caseworker);
    const calendar = page.getByTestId('calendar');
    await calendar.getByText(title).first().waitFor();
    // The browser runs in New York; the calendar still shows Copenhagen's hours.
    const local = new Intl.DateTimeFormat('da-DK', {
      timeZone: 'Europe/Copenhagen',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    })
      .format(new Date(start))
      .replace(':', '.');
    expect(await calendar.textContent()).toContain(local);
    expect(await page.getByTestId('current-user').textContent()).toContain('Søren Madsen');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('has accessible secondary pages and an English switch', async () => {
    await loginAs(page, t.url, demo.social);
    for (const [link, heading] of [
      ['Sager', 'Mine sager'],
      ['Arbejdsliste', 'Arbejdsliste'],
    ]) {
      await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: link }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
    }
    await page.getByLabel('Sprog').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('logs out', async () => {
    await loginAs(page, t.url, demo.manager);
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.waitForURL(/\/login$/);
    const me = await page.evaluate(() => fetch('/api/me').then((r) => r.status));
    expect(me).toBe(401);
  });

  it('shows a friendly page for an unknown guest link', async () => {
    await page.goto(`${t.url}/m/not-a-real-token`);
    await page.getByTestId('guest-invalid').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Linket virker ikke');
    expect(await axeViolations(page)).toEqual([]);
  });
});

async function expectText(locator: ReturnType<Page['getByRole']>, text: string) {
  await locator.filter({ hasText: text }).first().waitFor();
}
