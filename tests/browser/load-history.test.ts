// The manager's dashboard: a person's 90 days of load against the ceiling in force, as a line and as a table.
import { DataSource } from 'typeorm';
import { axeViolations, browserSuite } from '../support/browser';
import { createCitizen, createStaff, createTeam, type Staff } from '../support/factories';

const suite = browserSuite();

async function newCase(holder: Staff) {
  const citizen = await createCitizen(suite.t, holder.cookie);
  await holder.api.cases.create({ citizenId: citizen.id, responsibleId: holder.id, weight: 1 });
}

describe('Overblik: belastning og loft (90 dage)', () => {
  it('draws the chosen person’s load against their ceiling, names it in words and shows the numbers as a table', async () => {
    const team = await createTeam(suite.t);
    const teams = [team];
    const [manager, a, b] = await Promise.all([
      createStaff(suite.t, { kind: 'manager', teams }),
      createStaff(suite.t, { teams, ceiling: 5 }),
      createStaff(suite.t, { teams, ceiling: 5 }),
    ]);
    for (const holder of [a, a, a, b]) await newCase(holder);
    // Their cases and ceilings are older than today; today a's ceiling is lowered below their load.
    const ds = suite.t.app.get(DataSource);
    await ds.query(`UPDATE caseload_ceiling_change SET at = now() - interval '60 days' WHERE subject_id = ANY($1)`, [
      [a.id, b.id],
    ]);
    await ds.query(`UPDATE case_assignment SET at = now() - interval '20 days' WHERE to_staff_id = ANY($1::uuid[])`, [
      [a.id, b.id],
    ]);
    await manager.api.caseload.setCeiling(a.id, { ceiling: 2 });

    const page = await suite.pageAs(manager.email);
    await page.waitForURL(/\/dashboard$/);
    const chart = page.getByTestId('load-history-chart');
    // The one over the ceiling is shown first; 1 day over (today), not 20.
    await chart.waitFor();
    const label = await chart.getAttribute('aria-label');
    expect(label).toContain(a.name);
    expect(label).toContain('belastning 3 mod loft 2 i dag, 1 dag over loftet');
    expect(await page.getByTestId('days-over-table').locator('tr', { hasText: a.name }).textContent()).toMatch(/1$/);

    await page.getByText('Vis tallene som tabel').click();
    const table = page.getByTestId('load-history-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(90);
    const [today, yesterday] = await table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.slice(0, 2).map((r) => [...r.children].map((c) => c.textContent)));
    expect(today.slice(1)).toEqual(['3', '2', 'Ja']);
    expect(yesterday.slice(1)).toEqual(['3', '5', 'Nej']);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Medarbejder', { exact: true }).selectOption({ label: b.name });
    await chart.and(page.locator(`[aria-label*="${b.name}"]`)).waitFor();
    expect(await chart.getAttribute('aria-label')).toContain('belastning 1 mod loft 5 i dag, 0 dage over loftet');
  });
});
