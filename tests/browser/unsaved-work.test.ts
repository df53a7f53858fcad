import type { Page } from 'playwright-core';
import { demo, type TestApp } from '../support/app';
import { axeViolations, browserSuite, expectText } from '../support/browser';
import { apiClient } from '../support/client';

// A user's work is never lost or hidden.
const suite = browserSuite();
let t: TestApp;
beforeAll(() => (t = suite.t));

const newCase = () => suite.newCase(demo.caseworker);

/** A new case, open in a page of the caseworker's. */
async function openNewCase() {
  const { kase } = await newCase();
  const page = await suite.pageAs(demo.caseworker, `/cases/${kase.id}`);
  await expectText(page, 'plan-version', 'Version 1');
  return { kase, page };
}

const caseworker = async () => apiClient(t, await t.login(demo.caseworker));
const fetchPlan = async (caseId: string) => (await caseworker()).plan.get(caseId);

describe('two people edit the same plan text', () => {
  it('the second writer sees both texts, chooses, and nothing is lost', async () => {
    const { kase } = await newCase();
    const first = await suite.pageAs(demo.caseworker, `/cases/${kase.id}`);
    const second = await suite.pageAs(demo.social, `/cases/${kase.id}`);
    for (const p of [first, second]) {
      await expectText(p, 'plan-version', 'Version 1');
      await p.getByTestId('job-goal-editor').getByRole('button', { name: 'Redigér' }).click();
    }
    await first.getByLabel('Mål for job eller uddannelse').fill('Første tekst');
    await second.getByLabel('Mål for job eller uddannelse').fill('Anden tekst');
    await first.getByTestId('job-goal-editor').getByRole('button', { name: 'Gem' }).click();
    await expectText(first, 'job-goal', 'Første tekst');

    // The live update reaches the open editor; it still saves on the version it started from.
    await expectText(second, 'plan-version', 'Version 2');
    expect(await second.getByLabel('Mål for job eller uddannelse').inputValue()).toBe('Anden tekst');
    await second.getByTestId('job-goal-editor').getByRole('button', { name: 'Gem', exact: true }).click();
    const conflict = second.getByTestId('plan-conflict');
    await conflict.waitFor();
    await expectText(second, 'conflict-theirs', 'Første tekst');
    await expectText(second, 'conflict-mine', 'Anden tekst');
    expect(await conflict.textContent()).toContain('gemte planen');
    expect(await second.getByLabel('Mål for job eller uddannelse').inputValue()).toBe('Anden tekst');
    expect((await fetchPlan(kase.id)).jobGoal).toBe('Første tekst');
    expect(await axeViolations(second)).toEqual([]);

    await conflict.getByRole('button', { name: 'Behold min tekst' }).click();
    await expectText(second, 'job-goal', 'Anden tekst');
    expect(await fetchPlan(kase.id)).toMatchObject({ version: 3, jobGoal: 'Anden tekst' });
    const history = await (await caseworker()).plan.history(kase.id);
    expect(JSON.stringify(history)).toContain('Første tekst');
  });

  it('can take the other text instead, and the contact plan conflicts the same way', async () => {
    const { kase, page } = await openNewCase();
    const editor = page.getByTestId('contact-plan-editor');
    await editor.getByRole('button', { name: 'Redigér' }).click();
    await page.getByLabel('Antal dage mellem kontakterne').fill('14');
    await page.getByLabel('Begrundelse for kontaktens hyppighed').fill('Min begrundelse');
    await apiClient(t, await t.login(demo.social)).plan.update(kase.id, 1, {
      contactPlan: { intervalDays: 7, reason: 'Deres begrundelse' },
    });
    await expectText(page, 'plan-version', 'Version 2');
    await editor.getByRole('button', { name: 'Gem', exact: true }).click();
    await expectText(page, 'conflict-theirs', 'Deres begrundelse');
    await expectText(page, 'conflict-mine', 'Min begrundelse');
    await editor.getByRole('button', { name: 'Brug den andens tekst' }).click();
    await expectText(page, 'contact-plan', 'Deres begrundelse');
    expect((await fetchPlan(kase.id)).version).toBe(2);
  });
});

describe('leaving with unsaved text', () => {
  it('asks before moving to another page, and Esc cancels the editor', async () => {
    const { kase, page } = await openNewCase();
    await page.getByTestId('citizen-goal-editor').getByRole('button', { name: 'Redigér' }).click();
    await page.getByLabel('Borgerens eget mål').fill('Ikke gemt endnu');

    const asked = page.waitForEvent('dialog');
    const click = page.getByRole('link', { name: 'Udskriv plan til borgeren' }).click();
    const dialog = await asked;
    expect(dialog.message()).toContain('ikke er gemt');
    await dialog.dismiss();
    await click;
    expect(page.url()).toBe(`${t.url}/cases/${kase.id}`);
    expect(await page.getByLabel('Borgerens eget mål').inputValue()).toBe('Ikke gemt endnu');

    await page.getByLabel('Borgerens eget mål').press('Escape');
    await page.getByTestId('citizen-goal-editor').getByRole('button', { name: 'Redigér' }).waitFor();
    // Nothing unsaved any more: the link leaves at once.
    await page.getByRole('link', { name: 'Udskriv plan til borgeren' }).click();
    await page.getByTestId('printable-plan').waitFor();
  });
});

describe('dates', () => {
  it('an incomplete date is a field error and nothing is saved', async () => {
    const { kase, page } = await openNewCase();
    await page.getByLabel('Type').selectOption({ label: 'Mentor' });
    await page.getByLabel('Titel').fill('Mentor med startdato');
    const start = page.getByLabel('Startdato');
    await start.fill('12-03');
    await page.getByTestId('add-effort').click();
    await page.getByText('Skriv en hel dato som dd-mm-åååå').first().waitFor();
    expect(await start.getAttribute('aria-invalid')).toBe('true');
    expect(await start.inputValue()).toBe('12-03');
    // Not a real date either.
    await start.fill('31-02-2027');
    await page.getByTestId('add-effort').click();
    await page.getByText('Skriv en hel dato som dd-mm-åååå').first().waitFor();
    expect((await fetchPlan(kase.id)).efforts).toEqual([]);

    await start.fill('12-03-2027');
    await page.getByTestId('add-effort').click();
    await page.getByTestId('efforts-employment').getByText('Mentor med startdato').waitFor();
    const plan = (await fetchPlan(kase.id)) as unknown as { efforts: { startDate: string | null }[] };
    expect(plan.efforts.map((e) => e.startDate)).toEqual(['2027-03-12']);
  });
});

describe('errors and focus', () => {
  const focused = (page: Page) =>
    page.evaluate(() => ({
      id: document.activeElement?.id ?? '',
      testId: document.activeElement?.getAttribute('data-testid') ?? '',
      text: document.activeElement?.textContent ?? '',
    }));

  it('keyboard-only add-effort: one summary linking every field, then focus on the confirmation', async () => {
    const { page } = await openNewCase();
    const purpose = page.getByLabel('Formål');
    expect(await page.getByText('Du har 2.000 tegn tilbage.').count()).toBeGreaterThan(0);

    // Nothing filled in: the summary takes focus and links to both required fields.
    await page.getByTestId('add-effort').focus();
    await page.keyboard.press('Enter');
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect((await focused(page)).testId).toBe('error-summary');
    const links = summary.getByRole('link');
    expect(await links.count()).toBe(2);
    expect(await links.allTextContents()).toEqual([expect.stringContaining('Type'), expect.stringContaining('Titel')]);
    expect(await page.getByLabel('Type').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Titel').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);

    // The second link leads to its field.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const titleId = await page.getByLabel('Titel').getAttribute('id');
    expect((await focused(page)).id).toBe(titleId);
    await page.keyboard.type('Mentor via tastatur');
    await page.getByLabel('Type').selectOption({ label: 'Mentor' });
    await purpose.focus();
    await page.keyboard.type('Kort formål');
    await page.getByLabel('Titel').focus();
    await page.keyboard.press('Enter');

    await page.getByTestId('efforts-employment').getByText('Mentor via tastatur').waitFor();
    await page.getByText('Indsatsen »Mentor via tastatur« er tilføjet.').waitFor();
    expect((await focused(page)).text).toContain('er tilføjet');
    expect(await summary.count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('counts characters against the contract limit and marks text that is too long', async () => {
    const { kase, page } = await openNewCase();
    const editor = page.getByTestId('citizen-goal-editor');
    await editor.getByRole('button', { name: 'Redigér' }).click();
    await editor.getByText('Du har 4.000 tegn tilbage.').waitFor();
    await page.getByLabel('Borgerens eget mål').fill('x'.repeat(4003));
    await editor.getByText('Du har 3 tegn for meget.').first().waitFor();
    await editor.getByRole('button', { name: 'Gem', exact: true }).click();
    await editor.getByTestId('error-summary').waitFor();
    expect((await fetchPlan(kase.id)).version).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });
});
