// Acting on overload from "Overblik": a manager moves an over-ceiling person's cases to a colleague with room,
// and every manager of the team sees it without a reload; the same on a phone, and the queue's "Tildel" there.
import type { Page } from 'playwright-core';
import { axeViolations, browserSuite, loginAs } from '../support/browser';
import { createCitizen, createStaff, createTeam, type Staff } from '../support/factories';

const suite = browserSuite();
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** A team of its own: two managers, `a` to be over the ceiling, `b` with room, and a health worker with room. */
async function newTeam() {
  const team = await createTeam(suite.t);
  const teams = [team];
  const [manager, manager2, a, b, health] = await Promise.all([
    createStaff(suite.t, { kind: 'manager', teams }),
    createStaff(suite.t, { kind: 'manager', teams }),
    createStaff(suite.t, { teams }),
    createStaff(suite.t, { teams, ceiling: 10 }),
    createStaff(suite.t, { kind: 'health', teams, ceiling: 30 }),
  ]);
  return { team, manager, manager2, a, b, health };
}

/** `a` holds three cases of weight 1 and the manager lowers a's ceiling to 2: over it. */
async function overloaded(manager: Staff, a: Staff) {
  const cases = [];
  for (let i = 0; i < 3; i++) {
    const citizen = await createCitizen(suite.t, a.cookie);
    cases.push(await a.api.cases.create({ citizenId: citizen.id, responsibleId: a.id, weight: 1 }));
  }
  await manager.api.caseload.setCeiling(a.id, { ceiling: 2 });
  return cases;
}

async function openDashboard(manager: Staff, options?: Parameters<typeof suite.newPage>[0]): Promise<Page> {
  const page = await suite.newPage(options);
  await loginAs(page, suite.t.url, manager.email);
  await page.waitForURL(/\/dashboard$/);
  await page.getByRole('heading', { level: 1, name: 'Overblik' }).waitFor();
  return page;
}

/** Marks the window: the mark is still there afterwards only if the page was not loaded again. */
const mark = (page: Page) => page.evaluate(() => Object.assign(window, { notReloaded: true }));
const notReloaded = (page: Page) =>
  page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);
const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe('Overblik: moving cases', () => {
  it('moves two cases of an over-ceiling person to a suggested colleague, live for every manager of the team', async () => {
    const { manager, manager2, a, b, health } = await newTeam();
    const cases = await overloaded(manager, a);
    const page = await openDashboard(manager);
    const other = await openDashboard(manager2);

    const table = page.getByTestId('load-table');
    const status = page.getByTestId(`row-status-${a.id}`);
    await status.filter({ hasText: 'Over loftet' }).waitFor();
    // Worst first: the one over the ceiling heads the table; the name opens the person's case list.
    expect(await table.locator('tbody tr').first().textContent()).toContain(a.name);
    expect(await table.getByRole('link', { name: a.name }).getAttribute('href')).toBe(
      `/cases?scope=team&responsible=${a.id}`,
    );
    await other.getByTestId(`row-status-${a.id}`).filter({ hasText: 'Over loftet' }).waitFor();
    await mark(page);
    await mark(other);

    await page.getByRole('button', { name: `Sager for ${a.name}` }).click();
    const list = page.getByTestId(`person-cases-${a.id}`);
    // Weight, age and the next deadline (the follow-up every case has) of each case.
    await list
      .getByTestId(`person-case-${cases[0].id}`)
      .filter({ hasText: /vægt 1 · åbnet for 0 dage siden · næste frist/ })
      .waitFor();
    await page.getByRole('checkbox', { name: `Vælg sagen for ${cases[0].citizenName}` }).check();
    await page.getByRole('checkbox', { name: `Vælg sagen for ${cases[1].citizenName}` }).check();
    await page.getByRole('button', { name: 'Flyt valgte (2)' }).click();

    const choices = page.getByRole('group', { name: `Hvem skal have de 2 valgte sager fra ${a.name}?` });
    await choices.waitFor();
    // The suggestion (same discipline, room for both) comes first; the health worker is never suggested.
    const radios = choices.getByRole('radio');
    expect(await page.locator(`label[for="${await radios.first().getAttribute('id')}"]`).textContent()).toContain(
      b.name,
    );
    const labels = await choices.locator('label').allTextContents();
    expect(labels.findIndex((l) => l.includes(health.name))).toBeGreaterThan(
      labels.findIndex((l) => l.includes(b.name)),
    );
    expect(await axeViolations(page)).toEqual([]);
    await choices.getByRole('radio', { name: new RegExp(b.name) }).check();
    await page.getByRole('button', { name: 'Flyt', exact: true }).click();

    await list
      .getByTestId('move-status')
      .filter({ hasText: `2 sager er flyttet fra ${a.name} til ${b.name}` })
      .waitFor();
    await status.filter({ hasText: 'Under loftet' }).waitFor();
    await list.getByTestId(`person-case-${cases[0].id}`).waitFor({ state: 'detached' });
    await list.getByTestId(`person-case-${cases[2].id}`).waitFor();
    // The other manager sees it too, without reloading.
    await other.getByTestId(`row-status-${a.id}`).filter({ hasText: 'Under loftet' }).waitFor();
    expect(await notReloaded(page)).toBe(true);
    expect(await notReloaded(other)).toBe(true);
    expect((await manager.api.cases.get(cases[0].id)).responsibleId).toBe(b.id);
    expect((await manager.api.cases.get(cases[1].id)).responsibleId).toBe(b.id);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('on a phone: the over-ceiling person on the first screen, cards without sideways scroll, a move by "Flyt sag"', async () => {
    const { manager, a, b } = await newTeam();
    // More people under the ceiling, who come after the one needing action.
    for (let i = 0; i < 3; i++) await createStaff(suite.t, { teams: a.teams, ceiling: 20 });
    const cases = await overloaded(manager, a);
    const page = await openDashboard(manager, phone);

    // "Kræver handling" names who is over the ceiling on the first screen, before the whole table.
    const first = page.getByTestId(`action-status-${a.id}`);
    await first.filter({ hasText: 'Over loftet' }).waitFor();
    const box = await first.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(844);
    expect(await noSidewaysScroll(page)).toBe(true);
    const status = page.getByTestId(`row-status-${a.id}`);
    await status.filter({ hasText: 'Over loftet' }).waitFor();

    // "Flyt sager" there opens the person's cases in the table and takes the reader to them.
    await page.getByRole('button', { name: `Flyt sager fra ${a.name}` }).click();
    const list = page.getByTestId(`person-cases-${a.id}`);
    await list.getByTestId(`person-case-${cases[0].id}`).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`Aktive sager for ${a.name}`);
    expect(await noSidewaysScroll(page)).toBe(true);
    await page.getByRole('button', { name: `Flyt sag for ${cases[0].citizenName}` }).click();
    const choices = page.getByRole('group', { name: `Hvem skal have sagen for ${cases[0].citizenName}?` });
    await choices.getByRole('radio', { name: new RegExp(b.name) }).check();
    expect(await noSidewaysScroll(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Flyt', exact: true }).click();
    await status.filter({ hasText: 'Tæt på loftet' }).waitFor();
    await first.filter({ hasText: 'Tæt på loftet' }).waitFor();
    await list.getByTestId(`person-case-${cases[0].id}`).waitFor({ state: 'detached' });
    expect(await noSidewaysScroll(page)).toBe(true);
  });
});

describe('Visitering on a phone', () => {
  it('reaches "Tildel" without sideways scroll; a refusal offers who has room as choices', async () => {
    const { manager, a, b, health } = await newTeam();
    await manager.api.caseload.setCeiling(a.id, { ceiling: 1 });
    const citizen = await createCitizen(suite.t, a.cookie);
    await a.api.cases.create({ citizenId: citizen.id, responsibleId: a.id, weight: 1 });
    const queuedCitizen = await createCitizen(suite.t, a.cookie);
    const queued = await a.api.cases.create({ citizenId: queuedCitizen.id, weight: 1 });
    const page = await openDashboard(manager, phone);
    await page.goto(`${suite.t.url}/queue?teamId=${a.teams[0].id}`);
    await page.getByRole('heading', { level: 1, name: 'Visitering' }).waitFor();

    const assign = page.getByTestId(`assign-${queued.id}`);
    await assign.waitFor();
    const box = await assign.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(390);
    expect(await noSidewaysScroll(page)).toBe(true);

    await assign.click();
    const who = page.getByRole('group', { name: `Hvem skal have sagen for ${queuedCitizen.name}?` });
    await who.waitFor();
    // Ordered by the suggestion rule: the health worker (who takes no employment cases) comes last.
    const labels = await who.locator('label').allTextContents();
    expect(labels.at(-1)).toContain(health.name);
    expect(labels[0]).toContain(b.name);
    await who.getByRole('radio', { name: new RegExp(a.name) }).check();
    await page.getByTestId('assign-submit').click();

    // Refused at a's ceiling: b (room) is a choice, and so is a past the ceiling with a reason.
    const refusal = page.getByTestId('ceiling-refusal');
    await refusal.filter({ hasText: 'over sit loft' }).waitFor();
    await refusal.getByRole('radio', { name: new RegExp(b.name) }).check();
    expect(await page.getByTestId('override-reason').count()).toBe(0);
    expect(await noSidewaysScroll(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Tildel', exact: true }).click();
    await page.getByTestId(`queued-${queued.id}`).waitFor({ state: 'detached' });
    expect((await manager.api.cases.get(queued.id)).responsibleId).toBe(b.id);
  });
});
