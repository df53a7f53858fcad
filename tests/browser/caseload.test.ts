// The manager's dashboard ("Overblik") and intake queue ("Visitering") in the browser.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { axeViolations, browserSuite } from '../support/browser';
import { createCitizen, createStaff, createTeam, type Staff } from '../support/factories';

const suite = browserSuite();

/** A team of its own: a manager and two employment caseworkers, `a` with a ceiling of 10 set by the manager. */
async function newTeam() {
  const team = await createTeam(suite.t);
  const teams = [team];
  const [manager, a, b] = await Promise.all([
    createStaff(suite.t, { kind: 'manager', teams }),
    createStaff(suite.t, { teams }),
    createStaff(suite.t, { teams }),
  ]);
  await manager.api.caseload.setCeiling(a.id, { ceiling: 10 });
  return { team, manager, a, b };
}

/** A new citizen's case, with `to` responsible or (null) waiting in the queue. */
async function newCase(by: Staff, to: Staff | null, weight = 1, name?: string) {
  const citizen = await createCitizen(suite.t, by.cookie, name ? { name } : {});
  const kase = await by.api.cases.create({ citizenId: citizen.id, ...(to ? { responsibleId: to.id } : {}), weight });
  return { ...kase, citizenName: citizen.name };
}

async function openDashboard(manager: Staff): Promise<Page> {
  const page = await suite.pageAs(manager.email);
  // Managers land on their dashboard.
  await page.waitForURL(/\/dashboard$/);
  await page.getByRole('heading', { level: 1, name: 'Overblik' }).waitFor();
  return page;
}

describe('Overblik', () => {
  it('shows a person going from near to over their ceiling live, when the manager overrides', async () => {
    const { manager, a, b } = await newTeam();
    for (let i = 0; i < 9; i++) await newCase(a, a);
    const queued = await newCase(b, null, 2);
    const page = await openDashboard(manager);

    const status = page.getByTestId(`status-${a.id}`);
    await status.filter({ hasText: 'Tæt på loftet' }).waitFor();
    expect(await page.getByTestId(`load-${a.id}`).textContent()).toContain('9 af 10 (90 %)');
    const row = page.getByTestId('load-table').locator('tbody tr').filter({ hasText: a.name });
    expect(await row.textContent()).toContain('Tæt på loftet');
    await page.getByTestId('queue-length').filter({ hasText: '1 sag' }).waitFor();
    await page.getByTestId('days-over-table').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // A mark on the window: it is still there afterwards only if the page was not loaded again.
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    // Elsewhere (the API here), the manager gives the queued case to a beyond the ceiling.
    await manager.api.cases.assign(queued.id, { staffId: a.id, override: { reason: 'Borgeren kender Anna' } });
    await status.filter({ hasText: 'Over loftet' }).waitFor({ timeout: 5_000 });
    expect(await page.getByTestId(`load-${a.id}`).textContent()).toContain('11 af 10 (110 %)');
    await page
      .getByTestId('dashboard-live')
      .filter({ hasText: `${a.name} er nu over sit loft` })
      .waitFor();
    await page.getByTestId('queue-length').filter({ hasText: '0 sager' }).waitFor();
    await page.getByTestId('overrides-table').filter({ hasText: 'Borgeren kender Anna' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  it('lets the manager set a person’s own ceiling, with validation', async () => {
    const { manager, a } = await newTeam();
    for (let i = 0; i < 9; i++) await newCase(a, a);
    const page = await openDashboard(manager);
    await page.getByRole('button', { name: `Ret loft for ${a.name}` }).click();
    const field = page.getByLabel(`Eget loft for ${a.name}`);
    await field.fill('-1');
    await page.getByTestId('ceiling-save').click();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.fill('20');
    await page.getByTestId('ceiling-save').click();
    await page.getByTestId(`status-${a.id}`).filter({ hasText: 'Under loftet' }).waitFor();
    expect(await page.getByTestId(`load-${a.id}`).textContent()).toContain('9 af 20 (45 %)');
    expect((await manager.api.caseload.get(a.teams[0].id)).rows.find((r) => r.staffId === a.id)).toMatchObject({
      personalCeiling: 20,
    });
  });
});

describe('Visitering', () => {
  it('assigns a queued case to a suggested colleague, and past the ceiling only with a reason', async () => {
    const { manager, a, b } = await newTeam();
    for (let i = 0; i < 10; i++) await newCase(a, a);
    const first = await newCase(b, null);
    const second = await newCase(b, null);
    const page = await openDashboard(manager);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Visitering' }).click();
    await page.getByRole('heading', { level: 1, name: 'Visitering' }).waitFor();
    await page.getByTestId(`queued-${first.id}`).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // To b, who has room.
    await page.getByTestId(`assign-${first.id}`).click();
    await page.getByRole('radio', { name: new RegExp(b.name) }).check();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('assign-submit').click();
    await page
      .getByTestId('queue-status')
      .filter({ hasText: `er givet til ${b.name}` })
      .waitFor();
    await page.getByTestId(`queued-${first.id}`).waitFor({ state: 'detached' });
    expect((await manager.api.cases.get(first.id)).responsibleId).toBe(b.id);

    // To a, who is at the ceiling: refused with who has room; the manager overrides with a reason.
    await page.getByTestId(`assign-${second.id}`).click();
    await page.getByRole('radio', { name: new RegExp(a.name) }).check();
    await page.getByTestId('assign-submit').click();
    const refusal = page.getByTestId('ceiling-refusal');
    await refusal.filter({ hasText: 'over sit loft' }).waitFor();
    expect(await refusal.textContent()).toContain(b.name);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Tildel ud over loftet' }).click();
    expect(await page.getByTestId('override-reason').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('override-reason').fill('Kender borgeren fra tidligere');
    await page.getByRole('button', { name: 'Tildel ud over loftet' }).click();
    await page.getByTestId(`queued-${second.id}`).waitFor({ state: 'detached' });
    expect((await manager.api.cases.get(second.id)).responsibleId).toBe(a.id);
    await page.getByTestId('queue-table').getByText('Ingen sager venter.').waitFor();
  });

  it('downloads the queue and the loads as CSV made by the API, a formula in a name kept as text', async () => {
    const { team, manager, a, b } = await newTeam();
    await newCase(a, a);
    const queued = await newCase(b, null, 1, '=HYPERLINK("http://evil.example")');
    const page = await openDashboard(manager);
    const download = async (name: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: `Hent som CSV: ${name}` }).click(),
      ]);
      return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
    };
    const slug = team.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

    const load = await download('Sagsbelastning pr. medarbejder');
    expect(load.name).toBe(`belastning-${slug}.csv`);
    expect(load.text).toContain(
      '\uFEFFMedarbejder;Faglighed;Aktive sager;Belastning;Loft;Eget loft;Udnyttelse (%);Status\r\n',
    );
    expect(load.text).toContain(`${a.name};Beskæftigelse;1;1;10;10;10;Under loftet\r\n`);

    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Visitering' }).click();
    await page.getByTestId(`queued-${queued.id}`).waitFor();
    const queue = await download(`Venter i ${team.name}`);
    expect(queue.name).toBe(`visitering-${slug}.csv`);
    expect(queue.text.split('\r\n')).toEqual([
      '\uFEFFBorger;Ydelse;Vægt;Venter siden;Dage',
      expect.stringMatching(/^"'=HYPERLINK\(""http:\/\/evil\.example""\)";Kontanthjælp;1;\d{4}-\d\d-\d\d;0$/),
      '',
    ]);
  });
});
