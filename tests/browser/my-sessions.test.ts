import type { TestApp } from '../support/app';
import { axeViolations, browserSuite } from '../support/browser';
import { createStaff, type Staff } from '../support/factories';

const suite = browserSuite();
let t: TestApp;
let me: Staff;

beforeAll(async () => {
  t = suite.t;
  me = await createStaff(t);
});

describe('Mine sessioner', () => {
  it('lists where I am logged in, ends another session, and logs out everywhere; axe clean', async () => {
    const page = await suite.pageAs(me.email);
    await page.getByRole('link', { name: 'Mine sessioner' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine sessioner' }).waitFor();
    const table = page.getByRole('table', { name: 'Sessioner, hvor du er logget ind' });
    await table.getByRole('row', { name: /denne/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The factory's own login is another session: end it from here.
    await t.http().get('/api/me').set('cookie', me.cookie).expect(200);
    await table
      .getByRole('button', { name: /Log ud/ })
      .first()
      .click();
    await table.getByRole('button', { name: /Log ud/ }).waitFor({ state: 'detached' });
    await t.http().get('/api/me').set('cookie', me.cookie).expect(401);

    const other = await t.login(me.email);
    await page.getByRole('button', { name: 'Log ud alle steder' }).click();
    await page.waitForURL(/\/login$/);
    await t.http().get('/api/me').set('cookie', other).expect(401);
  });
});
