import { addDays, localDate } from '@tvaers/domain';
import type { Page } from 'playwright-core';
import { demo, type TestApp } from '../support/app';
import { axeViolations, browserSuite, loginAs } from '../support/browser';
import { apiClient } from '../support/client';
import { createCase, createEffort } from '../support/factories';

const suite = browserSuite();
let t: TestApp, cw: string, cwId: string;

beforeAll(async () => ({ t, cookie: cw, id: cwId } = await suite.as(demo.caseworker)));

const newPage = (viewport?: { width: number; height: number }) => suite.newPage(viewport ? { viewport } : {});

const today = () => localDate(new Date());

/** A case with an effort that starts later and an open request. */
async function busyCase() {
  const { kase } = await createCase(t, cw, cwId);
  const later = await createEffort(t, cw, kase.id, { title: 'Mentor fra næste uge', startDate: addDays(today(), 7) });
  const now = await createEffort(t, cw, kase.id, { title: 'Mentor fra i dag', startDate: today() });
  await apiClient(t, cw).requests.create(kase.id, { kind: 'effort', description: 'Ønsker IPS' });
  return { kase, later, now };
}

const effortItem = (page: Page, title: string) => page.getByTestId('effort').filter({ hasText: title });

describe('case page', () => {
  it('fits a phone (390×844) without sideways scrolling and passes axe', async () => {
    const { kase } = await busyCase();
    const page = await newPage({ width: 390, height: 844 });
    await loginAs(page, t.url, demo.caseworker);
    await page.goto(`${t.url}/cases/${kase.id}`);
    await effortItem(page, 'Mentor fra i dag').waitFor();
    await page.getByTestId('requests').getByText('Ønsker IPS').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('opens a worklist link at its section', async () => {
    const { kase } = await busyCase();
    const page = await newPage({ width: 390, height: 844 });
    await loginAs(page, t.url, demo.caseworker);
    await page.goto(`${t.url}/worklist`);
    const link = page.getByTestId('worklist-item').getByRole('link').first();
    await link.waitFor();
    const items = (await apiClient(t, cw).worklistAll()).items.filter((i) => i.caseId === kase.id);
    expect(items.find((i) => i.kind === 'request_decision')?.link).toBe(`/cases/${kase.id}#requests`);

    await page.goto(`${t.url}/cases/${kase.id}#requests`);
    await page.waitForFunction(() => document.activeElement?.id === 'requests');
    const top = await page.evaluate(() => document.getElementById('requests')?.getBoundingClientRect().top ?? -1);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(844);
  });

  it('saves a chosen status, keeps "I gang" until the start date and asks why an effort is stopped', async () => {
    const { kase } = await busyCase();
    const page = await suite.pageAs(demo.caseworker, `/cases/${kase.id}`);

    const later = effortItem(page, 'Mentor fra næste uge');
    const laterStatus = later.getByLabel('Status');
    await laterStatus.waitFor();
    expect(await laterStatus.locator('option', { hasText: 'I gang' }).isDisabled()).toBe(true);
    expect(await later.textContent()).toContain('Indsatsen kan først sættes i gang fra');

    const current = effortItem(page, 'Mentor fra i dag');
    await current.getByLabel('Status').selectOption({ label: 'I gang' });
    await current.getByRole('button', { name: 'Gem status' }).click();
    await current.getByTestId('effort-status').filter({ hasText: 'I gang' }).waitFor();
    await current.getByText('Status er gemt.').waitFor();

    await current.getByLabel('Status').selectOption({ label: 'Afbrudt' });
    await current.getByLabel('Hvorfor afbrydes indsatsen?').fill('Borgeren er flyttet');
    await current.getByRole('button', { name: 'Afbryd indsatsen' }).click();
    const stopped = current.getByTestId('effort-stopped');
    await stopped.waitFor();
    expect(await stopped.textContent()).toContain('Indsatsen er stoppet.');
    expect(await stopped.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    const plan = await apiClient(t, cw).plan.get(kase.id);
    expect(plan.efforts.find((e) => e.title === 'Mentor fra i dag')).toMatchObject({
      status: 'stopped',
      stopReason: 'Borgeren er flyttet',
    });
  });

  it('lets the health worker on a case own a health effort', async () => {
    const { kase } = await createCase(t, cw, cwId);
    const page = await suite.pageAs(demo.health, `/cases/${kase.id}`);
    const form = page.getByRole('region', { name: 'Tilføj indsats' });
    await form.getByLabel('Type').selectOption({ label: 'Behandling' });
    const owner = form.getByLabel('Ansvarlig');
    expect(await owner.locator('option').allTextContents()).toContain('Hanne Kjær (Sundhed)');
  });
});

describe('case list', () => {
  it('stacks the case list and the worklist on a phone', async () => {
    await busyCase();
    const page = await newPage({ width: 390, height: 844 });
    await loginAs(page, t.url, demo.caseworker);
    for (const [path, testId] of [
      ['/cases', 'case-list'],
      ['/worklist', 'worklist'],
    ] as const) {
      await page.goto(`${t.url}${path}`);
      const table = page.getByTestId(testId);
      await table.locator('tbody tr').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // Rows stacked as cards: the table needs no sideways scrolling inside its frame either.
      const frame = await table.evaluate((el) => ({ width: el.scrollWidth, room: el.parentElement?.clientWidth ?? 0 }));
      expect(frame.width).toBeLessThanOrEqual(frame.room);
      expect(await axeViolations(page)).toEqual([]);
    }
  });

  it('says the list is empty, not that a search found nothing, when nothing was searched', async () => {
    const page = await suite.pageAs(demo.health, '/cases?scope=mine');
    const list = page.getByTestId('case-list');
    await list.waitFor();
    await page.getByText('Du er ikke ansvarlig sagsbehandler på nogen sager.', { exact: false }).waitFor();
    expect(await list.textContent()).not.toContain('Ingen sager matcher søgningen');
    expect(await axeViolations(page)).toEqual([]);
  });
});
