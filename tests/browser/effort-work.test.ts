import type { Page } from 'playwright-core';
import { demo, type TestApp } from '../support/app';
import { axeViolations, browserSuite } from '../support/browser';
import { apiClient } from '../support/client';
import { createCase, createEffort } from '../support/factories';

// A keyboard user's work on efforts is neither saved by accident nor lost.
const suite = browserSuite();
let t: TestApp, cw: string, cwId: string;

beforeAll(async () => ({ t, cookie: cw, id: cwId } = await suite.as(demo.caseworker)));

/** A case of the employment caseworker with the health and the social worker on it. */
async function caseWithColleagues() {
  const { kase } = await createCase(t, cw, cwId);
  for (const [email, role] of [
    [demo.health, 'Sundhedskoordinator'],
    [demo.social, 'Socialrådgiver'],
  ] as const) {
    const staffId = (await apiClient(t, await t.login(email)).auth.me()).id;
    await apiClient(t, cw).cases.setMember(kase.id, { staffId, role });
  }
  return kase;
}

async function openCase(caseId: string, email: string = demo.caseworker): Promise<Page> {
  const page = await suite.pageAs(email, `/cases/${caseId}`);
  await page.getByTestId('plan-version').waitFor();
  return page;
}

const effortItem = (page: Page, title: string) => page.getByTestId('effort').filter({ hasText: title });
const focused = (page: Page) =>
  page.evaluate(() => ({
    body: document.activeElement === document.body || document.activeElement === null,
    tag: document.activeElement?.tagName ?? '',
    text: document.activeElement?.textContent ?? '',
  }));
const effortStatus = async (caseId: string, title: string) =>
  (await apiClient(t, cw).plan.get(caseId)).efforts.find((e) => e.title === title)?.status;

describe('effort status with the keyboard', () => {
  it('saves only the status chosen, on "Gem status", and focus lands on the confirmation', async () => {
    const { kase } = await createCase(t, cw, cwId);
    await createEffort(t, cw, kase.id, { title: 'Mentor via tastatur' });
    const page = await openCase(kase.id);
    const item = effortItem(page, 'Mentor via tastatur');

    // Arrow keys move through the statuses: passing "I gang" on the way saves nothing.
    await item.getByLabel('Status').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await item.getByLabel('Status').inputValue()).toBe('completed');
    expect((await focused(page)).tag).toBe('SELECT');
    expect(await effortStatus(kase.id, 'Mentor via tastatur')).toBe('planned');

    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Gem status');
    await page.keyboard.press('Enter');
    await item.getByTestId('effort-status').filter({ hasText: 'Gennemført' }).waitFor();
    await item.getByText('Status er gemt.').waitFor();
    const after = await focused(page);
    expect(after.body).toBe(false);
    expect(after.text).toContain('Status er gemt.');
    expect(await effortStatus(kase.id, 'Mentor via tastatur')).toBe('completed');
    const history = await apiClient(t, cw).plan.history(kase.id);
    expect(history.items.flatMap((v) => v.changes).filter((c) => c.field.endsWith('.status'))).toHaveLength(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('Esc closes the effort editor without saving: a chosen status, and a stop with its reason', async () => {
    const { kase } = await createCase(t, cw, cwId);
    await createEffort(t, cw, kase.id, { title: 'Mentor der fortsætter' });
    const page = await openCase(kase.id);
    const item = effortItem(page, 'Mentor der fortsætter');
    const status = item.getByLabel('Status');

    await status.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    expect(await status.inputValue()).toBe('planned');
    expect((await focused(page)).tag).toBe('SELECT');

    // "Afbrudt" asks why, with the contract's limit counted; Esc drops the stop and the reason.
    await status.focus();
    await page.keyboard.press('End');
    const reason = item.getByLabel('Hvorfor afbrydes indsatsen?');
    await reason.waitFor();
    await item.getByText('Du har 1.000 tegn tilbage.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await reason.fill('Ikke gemt');
    await reason.press('Escape');
    await reason.waitFor({ state: 'detached' });
    expect(await status.inputValue()).toBe('planned');
    expect((await focused(page)).tag).toBe('SELECT');
    expect(await item.getByTestId('effort-status').textContent()).toBe('Planlagt');
    expect(await effortStatus(kase.id, 'Mentor der fortsætter')).toBe('planned');
    expect((await apiClient(t, cw).plan.get(kase.id)).version).toBe(2);
  });
});

describe('effort owners', () => {
  const ownerOptions = (page: Page) =>
    page.getByRole('region', { name: 'Tilføj indsats' }).getByLabel('Ansvarlig').locator('option').allTextContents();

  it('offers only the staff on the case of the effort’s discipline', async () => {
    const kase = await caseWithColleagues();
    // The health worker: health efforts are hers to add without the citizen's consent.
    const page = await openCase(kase.id, demo.health);
    const form = page.getByRole('region', { name: 'Tilføj indsats' });

    await form.getByLabel('Type').selectOption({ label: 'Behandling' });
    expect(await ownerOptions(page)).toEqual(['Ingen valgt', 'Hanne Kjær (Sundhed)']);
    await form.getByLabel('Ansvarlig').selectOption({ label: 'Hanne Kjær (Sundhed)' });

    // Another discipline: its own staff, and the health worker chosen before is no longer the owner.
    await form.getByLabel('Type').selectOption({ label: 'Bostøtte' });
    // The team's social workers (however many the demo has), the one on the case among them.
    const social = await ownerOptions(page);
    expect(social[0]).toBe('Ingen valgt');
    expect(social.slice(1).filter((o) => !o.endsWith('(Social)'))).toEqual([]);
    expect(social).toContain('Sara Nørgaard (Social)');
    expect(await form.getByLabel('Ansvarlig').inputValue()).toBe('');
    expect(await axeViolations(page)).toEqual([]);

    await form.getByLabel('Type').selectOption({ label: 'Behandling' });
    await form.getByLabel('Ansvarlig').selectOption({ label: 'Hanne Kjær (Sundhed)' });
    await form.getByLabel('Titel').fill('Behandling hos psykolog');
    await form.getByRole('button', { name: 'Tilføj indsats' }).click();
    await effortItem(page, 'Behandling hos psykolog').getByText('Hanne Kjær').waitFor();
    const health = apiClient(t, await t.login(demo.health));
    const healthId = (await health.auth.me()).id;
    // Read as the health worker: without consent the caseworker does not see health efforts.
    const plan = await health.plan.get(kase.id);
    expect(plan.efforts.find((e) => e.title === 'Behandling hos psykolog')?.ownerId).toBe(healthId);
  });
});

describe('focus after a save', () => {
  it('goes to the confirmation after "Gem vurdering" and to the decision after "Gem afgørelse"', async () => {
    const { kase } = await createCase(t, cw, cwId);
    await apiClient(t, cw).requests.create(kase.id, { kind: 'effort', description: 'Ønsker mentor' });
    const page = await openCase(kase.id);

    const scoring = page.getByRole('region', { name: 'Registrér vurdering' });
    await scoring.getByLabel('Tro på at komme i job').fill('6');
    await scoring.getByRole('button', { name: 'Gem vurdering' }).press('Enter');
    await page.getByText('Vurderingen er gemt.').waitFor();
    expect((await focused(page)).text).toContain('Vurderingen er gemt.');

    const request = page.getByTestId('request').filter({ hasText: 'Ønsker mentor' });
    await request.getByRole('button', { name: 'Træf afgørelse' }).click();
    await request.getByLabel('Bevilg', { exact: true }).check();
    await request.getByLabel('Skriftlig begrundelse').fill('Mentor bevilges til opstarten');
    await request.getByRole('button', { name: 'Gem afgørelse' }).press('Enter');
    await request.getByText('Bevilget').first().waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('badge') ?? false);
    expect((await focused(page)).text).toContain('Bevilget');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('full CPR number', () => {
  it('Esc cancels the reason and focus returns to "Vis CPR"; the reason counts against its limit', async () => {
    const { kase } = await createCase(t, cw, cwId);
    const page = await openCase(kase.id);
    await page.getByRole('button', { name: 'Vis CPR' }).click();
    const reason = page.getByLabel('Hvorfor skal du se det fulde CPR-nummer?');
    await reason.waitFor();
    await page.getByText('Du har 500 tegn tilbage.').waitFor();
    await reason.fill('Ikke sendt');
    await reason.press('Escape');
    await reason.waitFor({ state: 'detached' });
    expect((await focused(page)).text).toBe('Vis CPR');
    expect(await axeViolations(page)).toEqual([]);
  });
});
