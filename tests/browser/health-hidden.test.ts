import type { Page } from 'playwright-core';
import { demo, type TestApp } from '../support/app';
import { axeViolations, browserSuite, expectText, loginAs } from '../support/browser';
import { apiClient } from '../support/client';
import { createCase } from '../support/factories';

const suite = browserSuite();
let t: TestApp, cw: string, cwId: string;

const healthTypes = ['behandling', 'genoptraening', 'psykoedukation', 'angsteksponering'];
const consentLabel = 'Helbredsoplysninger må deles i den tværfaglige enhed';

beforeAll(async () => ({ t, cookie: cw, id: cwId } = await suite.as(demo.caseworker)));

const newPage = () => suite.newPage();

/** An employment caseworker's case with the health colleague on it, without the citizen's health consent. */
async function caseWithHealthColleague() {
  const { citizen, kase } = await createCase(t, cw, cwId);
  const health = await t.login(demo.health);
  const healthId = (await apiClient(t, health).auth.me()).id;
  await apiClient(t, cw).cases.setMember(kase.id, { staffId: healthId, role: 'Sundhedskoordinator' });
  return { citizen, kase, health };
}

const scoreForm = (page: Page) => page.getByRole('region', { name: 'Registrér vurdering' });
const typeOptions = (page: Page) =>
  page
    .getByRole('region', { name: 'Tilføj indsats' })
    .getByLabel('Type')
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));

describe('what the health rule hides, in the browser', () => {
  it('says what is hidden and offers nothing the user could not see; consent shows it', async () => {
    const { kase, health } = await caseWithHealthColleague();
    const asHealth = apiClient(t, health);
    await asHealth.plan.addEffort(kase.id, {
      type: 'angsteksponering',
      title: 'Angstbehandling',
      discipline: 'health',
    });
    await asHealth.indicators.score(kase.id, { ratedBy: 'citizen', scores: { health_mastery: 3, job_belief: 5 } });

    const page = await suite.pageAs(demo.caseworker, `/cases/${kase.id}`);
    await expectText(page, 'plan-version', 'Version 2');

    // Progress: no empty health chart, no health field to score, one note saying why and where consent is.
    const indicators = page.getByTestId('indicators');
    await indicators.getByTestId('indicator-job_belief').waitFor();
    const note = indicators.getByTestId('indicators-health-hidden');
    await note.waitFor();
    expect(await note.textContent()).toContain('sundhedsfagligt personale');
    expect(await note.getByRole('link', { name: 'Gå til samtykke' }).getAttribute('href')).toBe('#consents');
    expect(await page.locator('#consents').getByRole('heading', { name: 'Samtykke' }).count()).toBe(1);
    expect(await indicators.getByTestId('indicator-health_mastery').count()).toBe(0);
    expect(await scoreForm(page).getByLabel('Mestring af helbred').count()).toBe(0);
    expect(await scoreForm(page).getByLabel('Tro på at komme i job').count()).toBe(1);

    // History: the colleague's health effort is a hidden change, not "no changes".
    const version2 = page.getByTestId('plan-history').getByTestId('history-version-2');
    await version2.getByTestId('history-health-hidden').waitFor();
    expect(await version2.textContent()).toContain('Ændringer i helbredsindsatser – skjult');
    expect(await version2.textContent()).not.toContain('Ingen ændringer i indholdet');

    // Adding an effort: no health types, and one line saying why.
    await page.getByTestId('add-effort-health-hidden').waitFor();
    const before = await typeOptions(page);
    expect(before).toContain('mentor');
    for (const type of healthTypes) expect(before).not.toContain(type);
    expect(await axeViolations(page)).toEqual([]);

    // The note leads to the consent panel; giving consent there shows what was hidden.
    await note.getByRole('link', { name: 'Gå til samtykke' }).click();
    await page.waitForURL(/#consents$/);
    await page.getByLabel(consentLabel).check();
    await expectText(page, 'consent-health_in_unit', 'Samtykket er registreret.');
    await indicators.getByTestId('indicator-health_mastery').waitFor();
    await scoreForm(page).getByLabel('Mestring af helbred').waitFor();
    expect(await indicators.getByTestId('indicators-health-hidden').count()).toBe(0);
    await page.getByTestId('efforts-health').getByText('Angstbehandling').waitFor();
    await version2.getByText('Angstbehandling').waitFor();
    expect(await version2.getByTestId('history-health-hidden').count()).toBe(0);
    await page.getByTestId('add-effort-health-hidden').waitFor({ state: 'detached' });
    const after = await typeOptions(page);
    for (const type of healthTypes) expect(after).toContain(type);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('explains a refusal when consent was withdrawn after the page was loaded', async () => {
    const { citizen, kase } = await caseWithHealthColleague();
    const consent = (given: boolean) => apiClient(t, cw).citizens.setConsent(citizen.id, 'health_in_unit', { given });
    await consent(true);
    // Two pages, as the first refusal makes a page load the consents again and stop offering health.
    const effortPage = await newPage();
    const scorePage = await newPage();
    for (const page of [effortPage, scorePage]) {
      await loginAs(page, t.url, demo.caseworker);
      await page.goto(`${t.url}/cases/${kase.id}`);
      await expectText(page, 'plan-version', 'Version 1');
      await scoreForm(page).getByLabel('Mestring af helbred').waitFor();
    }
    expect(await typeOptions(effortPage)).toContain('angsteksponering');
    await consent(false);

    const addEffort = effortPage.getByRole('region', { name: 'Tilføj indsats' });
    await addEffort.getByLabel('Type').selectOption({ label: 'Angsteksponering' });
    await addEffort.getByLabel('Titel').fill('Angstbehandling');
    await effortPage.getByTestId('add-effort').click();
    const effortAlert = addEffort.getByRole('alert');
    await effortAlert.waitFor();
    expect(await effortAlert.textContent()).toContain('borgeren ikke har givet samtykke');
    await effortPage.getByTestId('add-effort-health-hidden').waitFor();
    expect(await typeOptions(effortPage)).not.toContain('angsteksponering');

    const scoring = scoreForm(scorePage);
    await scoring.getByLabel('Mestring af helbred').fill('4');
    await scoring.getByRole('button', { name: 'Gem vurdering' }).click();
    const scoreAlert = scoring.getByRole('alert');
    await scoreAlert.waitFor();
    expect(await scoreAlert.textContent()).toContain('borgeren ikke har givet samtykke');
    expect(await scoring.textContent()).not.toContain('Vurderingen er gemt');
    await scorePage.getByTestId('indicators-health-hidden').waitFor();
    expect(await axeViolations(effortPage)).toEqual([]);

    const plan = await apiClient(t, await t.login(demo.health)).plan.get(kase.id);
    expect(plan.efforts).toEqual([]);
  });
});
