// "Indstillinger" → "Vægte pr. ydelse": a manager sets the default weight of new cases per benefit.
import { demo } from '../support/app';
import { axeViolations, browserSuite } from '../support/browser';
import type { Staff } from '../support/factories';

const suite = browserSuite();
let manager: Staff;
// The weights are the unit's: this file changes one benefit no other test gives its citizens, and puts it back.
const BENEFIT = 'uddannelseshjaelp';
let original: number;

beforeAll(async () => {
  ({ manager } = await suite.team('manager'));
  original = (await manager.api.caseload.benefitWeights()).items.find((w) => w.benefit === BENEFIT)!.weight;
});
const restore = () => manager.api.caseload.setBenefitWeights({ weights: [{ benefit: BENEFIT, weight: original }] });

const weightOf = async () =>
  (await manager.api.caseload.benefitWeights()).items.find((w) => w.benefit === BENEFIT)!.weight;
const danish = (n: number) => String(n).replace('.', ',');

describe('Vægte pr. ydelse', () => {
  it('a manager changes one weight from the menu and sees it after a reload', async () => {
    const page = await suite.pageAs(manager.email);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Indstillinger' }).click();
    await page.getByRole('heading', { level: 1, name: 'Indstillinger' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Vægte pr. ydelse' }).waitFor();
    const field = page.getByLabel('Uddannelseshjælp');
    expect(await field.inputValue()).toBe(danish(original));
    expect(await page.getByLabel('Kontanthjælp').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    const weight = original === 1.75 ? 2.25 : 1.75;
    try {
      await field.fill(danish(weight));
      await page.getByRole('button', { name: 'Gem vægte' }).click();
      await page.getByRole('status').filter({ hasText: 'Vægtene er gemt' }).waitFor();
      expect(await weightOf()).toBe(weight);

      await page.reload();
      await page.getByRole('heading', { level: 2, name: 'Vægte pr. ydelse' }).waitFor();
      await page.getByLabel('Uddannelseshjælp').waitFor();
      expect(await page.getByLabel('Uddannelseshjælp').inputValue()).toBe(danish(weight));
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await restore();
    }
  });

  it('says what is wrong with a weight and saves nothing', async () => {
    const before = await weightOf();
    const page = await suite.pageAs(manager.email, '/settings');
    const field = page.getByLabel('Uddannelseshjælp');
    await field.fill('0');
    await page.getByRole('button', { name: 'Gem vægte' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Uddannelseshjælp');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    expect(await weightOf()).toBe(before);
  });

  it('is not in a caseworker’s menu', async () => {
    const page = await suite.pageAs(demo.caseworker);
    const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
    await nav.getByRole('link', { name: 'Arbejdsliste' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Indstillinger' }).count()).toBe(0);
  });
});
