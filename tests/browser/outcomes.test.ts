// "Resultater": a manager's outcome figures with tables, CSV and links to the cases behind
// them; closing a case asks what it led to.
import fs from 'node:fs';
import { demo } from '../support/app';
import { axeViolations, browserSuite, expectText } from '../support/browser';

const suite = browserSuite();

describe('Resultater', () => {
  it('shows a manager the figures of the demo team with tables, CSV and links to the cases', async () => {
    const page = await suite.pageAs(demo.manager);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Resultater' }).click();
    await page.getByRole('heading', { level: 1, name: 'Resultater' }).waitFor();
    await page.getByTestId('outcomes-progress-table').waitFor();
    await expectText(page, 'outcomes-period', 'borgere med sag i perioden');

    // The demo's earlier closed cases: rows per quarter and outcome, every count a link to its cases.
    const closures = page.getByTestId('outcomes-closures-table');
    await closures.getByRole('row').nth(1).waitFor();
    expect(await closures.getByRole('cell', { name: 'Job' }).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('outcomes-contact-share').textContent()).toMatch(/\d+ %/);
    expect(await page.getByRole('img', { name: /Progression over 6 måneder/ }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // CSV of a table, made by the API: BOM, semicolons, Danish headers, the rows the table shows.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Hent som CSV: Afsluttede sager efter udfald' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^afsluttede-sager-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv$/);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFFKvartal;Udfald;Antal sager;Median dage fra start\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = csv.split('\r\n').slice(1, -1);
    expect(rows).toHaveLength(await closures.locator('tbody tr').count());
    expect(rows.some((row) => /^\d{4} K[1-4];Job;\d+;/.test(row))).toBe(true);

    // A count leads to the case list of exactly those cases.
    const first = closures.getByRole('row').nth(1).getByRole('link');
    const count = Number(await first.textContent());
    await first.click();
    await page.getByTestId('case-list').waitFor();
    await expectText(page, 'case-list', 'Lukket');
    expect(await page.getByTestId('case-list').locator('tbody tr').count()).toBe(count);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('is not in a caseworker’s menu', async () => {
    const page = await suite.pageAs(demo.caseworker);
    const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
    await nav.getByRole('link', { name: 'Arbejdsliste' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Resultater' }).count()).toBe(0);
  });

  it('closes a case with what it led to and why', async () => {
    const { kase } = await suite.newCase(demo.caseworker);
    const page = await suite.pageAs(demo.caseworker, `/cases/${kase.id}`);
    await page.getByTestId('close-case').click();
    await page.getByTestId('close-case-submit').click();
    await page.getByText('Vælg, hvad forløbet førte til.').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('group', { name: 'Hvad førte forløbet til?' }).getByLabel('Fleksjob').check();
    await page.getByLabel('Begrundelse').fill('Bevilget fleksjob hos en lokal virksomhed');
    await page.getByTestId('close-case-submit').click();
    await page
      .getByRole('region', { name: 'Oplysninger om sagen' })
      .filter({ hasText: 'Lukket – Fleksjob' })
      .waitFor({ timeout: 10_000 });
  });
});
