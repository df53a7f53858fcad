import type { TestApp } from '../support/app';
import { axeViolations, browserSuite } from '../support/browser';
import { apiClient, problem } from '../support/client';
import type { Staff } from '../support/factories';

const suite = browserSuite();
let t: TestApp;
let me: Staff;

beforeAll(async () => ({ t, caseworker: me } = await suite.team('caseworker')));

describe('Mine sessioner', () => {
  it('lists where I am logged in, ends another session, and logs out everywhere; axe clean', async () => {
    const page = await suite.pageAs(me.email);
    await page.getByRole('link', { name: 'Mine sessioner' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine sessioner' }).waitFor();
    const table = page.getByRole('table', { name: 'Sessioner, hvor du er logget ind' });
    await table.getByRole('row', { name: /denne/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The factory's own login is another session: end it from here.
    await me.api.auth.me();
    await table
      .getByRole('button', { name: /Log ud/ })
      .first()
      .click();
    await table.getByRole('button', { name: /Log ud/ }).waitFor({ state: 'detached' });
    expect((await problem(me.api.auth.me())).status).toBe(401);

    const other = await t.login(me.email);
    await page.getByRole('button', { name: 'Log ud alle steder' }).click();
    await page.waitForURL(/\/login$/);
    expect((await problem(apiClient(t, other).auth.me())).status).toBe(401);
  });
});
