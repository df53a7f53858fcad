// The team's lists serve a manager, and each role lands on its own work.
import type { Page } from 'playwright-core';
import { demo } from '../support/app';
import { axeViolations, browserSuite } from '../support/browser';
import { createCase, createStaff, createTeam } from '../support/factories';

const suite = browserSuite();

async function rowsOf(page: Page, testId: string) {
  const table = page.getByTestId(testId);
  await table.locator('tbody tr').first().waitFor();
  return table.locator('tbody tr');
}

/** Waits until the case list shows cases, all of them that person's (the filter has been applied). */
async function onlyCasesOf(page: Page, name: string) {
  await page.waitForFunction((who) => {
    const cells = [...document.querySelectorAll('[data-testid="case-list"] tbody tr td:nth-child(4)')];
    return cells.length > 0 && cells.every((cell) => cell.textContent === who);
  }, name);
}

describe("the manager's team case list", () => {
  it('filters by responsible person, keeps the filter in the address and shows totals per person', async () => {
    const page = await suite.pageAs(demo.manager);
    // A manager lands on the dashboard; the team's case list is a link away.
    await page.waitForURL(/\/dashboard$/);
    await page.goto(`${suite.t.url}/cases?scope=team`);
    await page.getByRole('heading', { level: 1, name: 'Teamets sager' }).waitFor();
    const totals = page.getByTestId('responsible-totals');
    const soeren = totals.getByTestId('totals-row').filter({ hasText: 'Søren Madsen' });
    await soeren.waitFor();
    const activeOfSoeren = Number(await soeren.locator('td').first().textContent());
    expect(activeOfSoeren).toBeGreaterThan(0);

    await page.getByLabel('Ansvarlig', { exact: true }).selectOption({ label: 'Søren Madsen' });
    await page.waitForURL(/responsible=/);
    // Other tests add cases to the demo caseworker meanwhile: the list is checked for whose cases, not how many.
    await onlyCasesOf(page, 'Søren Madsen');
    const list = page.getByTestId('case-list');
    const responsible = await list.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(new Set(responsible)).toEqual(new Set(['Søren Madsen']));
    // The totals still show everyone of the team, the chosen person marked.
    expect(await totals.getByTestId('totals-row').count()).toBeGreaterThan(2);
    expect(await totals.getByRole('button', { name: 'Søren Madsen' }).getAttribute('aria-pressed')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);

    // The address is a link to the same list.
    const again = await suite.pageAs(demo.manager);
    await again.goto(page.url());
    await onlyCasesOf(again, 'Søren Madsen');
    expect(new Set(await again.getByTestId('case-list').locator('tbody tr td:nth-child(4)').allTextContents())).toEqual(
      new Set(['Søren Madsen']),
    );
    expect(await again.getByLabel('Ansvarlig', { exact: true }).locator('option:checked').textContent()).toBe(
      'Søren Madsen',
    );
  });

  it('sorts by weight, largest first', async () => {
    const page = await suite.pageAs(demo.manager, '/cases?scope=team');
    await page.getByLabel('Sortér efter').selectOption({ label: 'Vægt, største først' });
    await page.waitForURL(/sort=weight&order=desc|order=desc.*sort=weight/);
    // Right after the address changes the list may still be the unsorted one (aria-busy not yet set): wait for the
    // sorted answer to be shown; a list that never comes sorted fails here.
    await page.waitForFunction(() => {
      const weights = [...document.querySelectorAll('[data-testid="case-list"] tbody tr td:nth-child(7)')].map((c) =>
        Number((c.textContent ?? '').replace(',', '.')),
      );
      return weights.length > 1 && weights.every((w, i) => i === 0 || weights[i - 1] >= w);
    });
    const weights = (await page.getByTestId('case-list').locator('tbody tr td:nth-child(7)').allTextContents()).map(
      (w) => Number(w.replace(',', '.')),
    );
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });
});

describe('a long case list', () => {
  it('shows 50 cases with the count of the whole list; "Vis flere" adds the next page', async () => {
    const team = await createTeam(suite.t);
    const [manager, worker] = await Promise.all([
      createStaff(suite.t, { kind: 'manager', teams: [team] }),
      createStaff(suite.t, { teams: [team] }),
    ]);
    for (let i = 0; i < 55; i += 5) {
      await Promise.all([0, 1, 2, 3, 4].map(() => createCase(suite.t, worker.cookie, worker.id)));
    }
    const page = await suite.pageAs(manager.email, '/cases?scope=team');
    const count = page.getByTestId('case-count');
    await count.getByText('Viser 50 af 55').waitFor();
    const rows = page.getByTestId('case-list').locator('tbody tr');
    expect(await rows.count()).toBe(50);
    // The caption and the per-person totals count the whole list, not the page.
    await page.getByTestId('case-list').getByText('Sager i dit team (55 sager)').waitFor();
    const totals = page.getByTestId('responsible-totals').getByTestId('totals-row').filter({ hasText: worker.name });
    expect(await totals.locator('td').first().textContent()).toBe('55');
    expect(await axeViolations(page)).toEqual([]);

    const more = page.getByRole('button', { name: 'Vis flere' });
    await more.focus();
    await page.keyboard.press('Enter');
    await count.getByText('Viser 55 af 55').waitFor();
    expect(await rows.count()).toBe(55);
    // The last page takes the button with it: focus goes to the count, not to the top of the page.
    expect(await more.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('case-count');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the team worklist', () => {
  it('names who is responsible for each deadline and filters by that person', async () => {
    const page = await suite.pageAs(demo.manager);
    // A manager holds no deadlines: the worklist opens on the team's.
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Arbejdsliste' }).click();
    const rows = await rowsOf(page, 'worklist');
    expect(await page.getByRole('button', { name: 'Teamets frister' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('columnheader', { name: 'Ansvarlig' }).waitFor();
    const names = await page.getByTestId('worklist-responsible').allTextContents();
    expect(names.length).toBe(await rows.count());
    // Every row names someone, or flags a case still waiting in the intake queue.
    expect(names.every((name) => name.length > 0)).toBe(true);

    const first = names.find((name) => name !== 'Ingen ansvarlig')!;
    await page.getByLabel('Ansvarlig').selectOption({ label: first });
    await page.waitForURL(/responsible=/);
    // The filtered list replaces the whole one when its answer arrives: wait for the others' rows to go.
    await page.getByTestId('worklist-responsible').filter({ hasNotText: first }).first().waitFor({ state: 'detached' });
    expect(new Set(await page.getByTestId('worklist-responsible').allTextContents())).toEqual(new Set([first]));
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('a long worklist', () => {
  it('shows 50 deadlines in the server\'s order and the rest with "Vis flere"', async () => {
    const sw = await createStaff(suite.t);
    // Each case carries its yearly review and (kontanthjælp) its clarification guarantee: 2 × 30 deadlines.
    for (let i = 0; i < 30; i += 1) await createCase(suite.t, sw.cookie, sw.id);
    const all = await sw.api.worklistAll({ includeOk: 'true' });
    expect(all.items).toHaveLength(60);
    const page = await suite.pageAs(sw.email, '/worklist?all=true');
    const rows = page.getByTestId('worklist-item');
    const count = page.getByTestId('worklist-count');
    await count.filter({ hasText: 'Viser 50 af 60 frister' }).waitFor();
    expect(await rows.count()).toBe(50);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Vis flere' }).click();
    await count.filter({ hasText: 'Viser 60 af 60 frister' }).waitFor();
    // The keyboard goes on from the first new deadline.
    await page.waitForFunction(
      () =>
        document.activeElement?.closest('[data-testid="worklist-item"]') ===
        document.querySelectorAll('[data-testid="worklist-item"]')[50],
    );
    expect(await page.getByRole('button', { name: 'Vis flere' }).count()).toBe(0);
    // The web shows the server's order as it is, across its pages.
    const links = await rows.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(all.items.map((i) => i.link));
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('each role lands on its own work', () => {
  it('health staff land on the cases they take part in; caseworkers on their calendar', async () => {
    const health = await suite.pageAs(demo.health);
    await health.waitForURL(/\/cases\?scope=member$/);
    await health.getByRole('heading', { level: 1, name: 'Sager, jeg deltager i' }).waitFor();
    expect(await (await rowsOf(health, 'case-list')).count()).toBeGreaterThan(0);
    expect(await health.getByTestId('case-list').textContent()).not.toContain('matcher søgningen');
    expect(await axeViolations(health)).toEqual([]);

    const caseworker = await suite.pageAs(demo.caseworker);
    expect(new URL(caseworker.url()).pathname).toBe('/');
    await caseworker.getByTestId('calendar').waitFor();
    await caseworker.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Sager' }).click();
    await caseworker.getByRole('heading', { level: 1, name: 'Mine sager' }).waitFor();
    expect(await (await rowsOf(caseworker, 'case-list')).count()).toBeGreaterThan(0);
  });

  it('an empty list says what it is and what to do, not that a search found nothing', async () => {
    const newcomer = await createStaff(suite.t, { kind: 'health' });
    const page = await suite.pageAs(newcomer.email);
    await page.waitForURL(/\/cases\?scope=member$/);
    const list = page.getByTestId('case-list');
    await list.getByText('Du deltager ikke i nogen aktive sager endnu', { exact: false }).waitFor();
    expect(await list.textContent()).not.toContain('matcher søgningen');
    await page.getByRole('button', { name: 'Mine sager' }).click();
    await list.getByText('Du er ikke ansvarlig sagsbehandler på nogen sager', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
