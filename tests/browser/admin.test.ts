// Administration in the browser: an administrator lands on /admin (a menu of administration only), creates a
// caseworker and gets the one-time password link at once, whole, with "Kopiér"; the new person sets a password
// on a Danish page, logs in and is told who issued the link. Deactivating someone says how many active cases go
// to the intake queue, says it was done, and their open page says their access has ended. Axe finds nothing.
import { axeViolations, browserSuite, loginThroughForm } from '../support/browser';
import { createCase, createStaff } from '../support/factories';

const suite = browserSuite();

it('creates a caseworker with a password link at once; the new person sets a password, logs in and is told', async () => {
  const { t } = suite;
  const admin = await createStaff(t, { kind: 'admin' });
  const teamName = admin.teams[0].name;
  const email = `ny-kollega-${Date.now()}@test.tvaers.dk`;

  const page = await suite.newPage();
  await loginThroughForm(page, t.url, admin.email);
  // The start page of an administrator is the administration.
  await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/admin');
  await page.getByTestId('staff-table').waitFor();
  // Administration only: no case work in the menu of an administrator without a working role.
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  await nav.getByRole('link', { name: 'Administration' }).waitFor();
  for (const name of ['Kalender', 'Sager', 'Arbejdsliste']) {
    expect(await nav.getByRole('link', { name, exact: true }).count()).toBe(0);
  }
  expect(await axeViolations(page)).toEqual([]);

  const create = page.getByRole('region', { name: 'Opret medarbejder' });
  await create.getByLabel('E-mail', { exact: true }).fill(email);
  await create.getByLabel('Navn', { exact: true }).fill('Ny Kollega');
  await create.getByLabel('Faglighed').selectOption('social');
  await create.getByLabel(teamName).check();
  await create.getByRole('button', { name: 'Opret medarbejder' }).click();
  await create.getByText('Ny Kollega er oprettet').waitFor();
  // The link comes at once, whole (wrapped, not cut to the host), with "Kopiér".
  const notice = create.getByTestId('password-link');
  await notice.getByText('Linket vises kun nu').waitFor();
  const shownUrl = notice.getByTestId('password-link-url');
  const link = (await shownUrl.innerText()).trim();
  expect(link).toMatch(new RegExp(`^${t.url}/set-password/[A-Za-z0-9_-]{43}$`));
  expect(await shownUrl.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await notice.getByRole('button', { name: 'Kopiér', exact: true }).waitFor();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel('Søg på navn eller e-mail').fill(email);
  const row = page.getByTestId(`staff-${email}`);
  await row.getByText('Sagsbehandler').waitFor();
  await row.getByText(teamName).waitFor();
  expect(await page.getByTestId('staff-table').locator('tbody tr').count()).toBe(1);

  // Deactivation asks first; here it is called off.
  await row.getByRole('button', { name: 'Deaktivér Ny Kollega' }).click();
  await row.getByText('Deaktivere Ny Kollega?').waitFor();
  await row.getByRole('button', { name: 'Fortryd' }).click();

  const newcomer = await suite.newPage();
  await newcomer.goto(link);
  await newcomer.getByRole('heading', { name: 'Vælg din adgangskode' }).waitFor();
  expect(await axeViolations(newcomer)).toEqual([]);
  // Every text in Danish, the contract's length rule too.
  await newcomer.getByLabel('Ny adgangskode').fill('kort');
  await newcomer.getByRole('button', { name: 'Gem adgangskode' }).click();
  await newcomer.getByText('Skriv mindst 12 tegn.').first().waitFor();
  expect(await newcomer.locator('body').innerText()).not.toMatch(/characters|required|invalid|password/i);
  await newcomer.getByLabel('Ny adgangskode').fill('min nye adgangskode til Tværs');
  await newcomer.getByLabel('Gentag adgangskoden').fill('min nye adgangskode til tværs');
  await newcomer.getByRole('button', { name: 'Gem adgangskode' }).click();
  await newcomer.getByText('De to adgangskoder er ikke ens.').first().waitFor();
  expect(await axeViolations(newcomer)).toEqual([]);
  await newcomer.getByLabel('Gentag adgangskoden').fill('min nye adgangskode til Tværs');
  await newcomer.getByRole('button', { name: 'Gem adgangskode' }).click();
  await newcomer.getByRole('heading', { name: 'Din adgangskode er gemt' }).waitFor();
  await newcomer.getByRole('link', { name: 'Gå til log ind' }).click();
  await newcomer.getByLabel('E-mail').fill(email);
  await newcomer.getByLabel('Adgangskode').fill('min nye adgangskode til Tværs');
  await newcomer.getByRole('button', { name: 'Log ind' }).click();
  await newcomer.getByTestId('current-user').getByText('Ny Kollega').waitFor();
  expect(new URL(newcomer.url()).pathname).not.toBe('/admin');
  // Told once who issued the link.
  const told = newcomer.getByTestId('password-notice');
  await told.getByText(`Din adgangskode blev nulstillet af ${admin.name}`).waitFor();
  expect(await axeViolations(newcomer)).toEqual([]);
  await told.getByRole('button', { name: 'OK, forstået' }).click();
  await told.waitFor({ state: 'detached' });

  // The link worked once.
  const again = await suite.newPage();
  await again.goto(link);
  await again.getByLabel('Ny adgangskode').fill('endnu en adgangskode her');
  await again.getByLabel('Gentag adgangskoden').fill('endnu en adgangskode her');
  await again.getByRole('button', { name: 'Gem adgangskode' }).click();
  await again.getByText('Linket er brugt, udløbet eller forkert').waitFor();
}, 90_000);

it('deactivation says how many active cases go to the queue, says it is done, and the person’s page says why', async () => {
  const { t } = suite;
  const admin = await createStaff(t, { kind: 'admin' });
  const leaver = await createStaff(t);
  for (let i = 0; i < 2; i++) await createCase(t, leaver.cookie, leaver.id);

  const theirs = await suite.pageAs(leaver.email);

  const page = await suite.newPage();
  await loginThroughForm(page, t.url, admin.email);
  await page.getByTestId('staff-table').waitFor();
  await page.getByLabel('Søg på navn eller e-mail').fill(leaver.email);
  const row = page.getByTestId(`staff-${leaver.email}`);
  await row.getByRole('button', { name: `Deaktivér ${leaver.name}` }).click();
  await row.getByText(`${leaver.name} har 2 aktive sager. De sendes til visitering.`).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await row.getByRole('button', { name: 'Deaktivér', exact: true }).click();
  await page
    .getByTestId('staff-status')
    .getByText(`${leaver.name} er deaktiveret. 2 sager er sendt til visitering.`)
    .waitFor();
  expect(await axeViolations(page)).toEqual([]);

  // Their open page goes to the login and says that their access has ended.
  await theirs.getByText('Din adgang er lukket. Kontakt din administrator.').waitFor();
  expect(new URL(theirs.url()).pathname).toBe('/login');
  expect(await axeViolations(theirs)).toEqual([]);
}, 90_000);

it('on a 390 px phone the administration fits the screen: staff and teams as cards, no sideways scroll', async () => {
  const { t } = suite;
  const admin = await createStaff(t, { kind: 'admin' });
  const page = await suite.newPage({ viewport: { width: 390, height: 844 } });
  await loginThroughForm(page, t.url, admin.email);
  await page.getByTestId('staff-table').locator('tbody tr').first().waitFor();
  await page.getByTestId('team-table').locator('tbody tr').first().waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(
    true,
  );
  // Each person's actions are on the screen, not past its right edge.
  const edit = page
    .getByTestId('staff-table')
    .getByRole('button', { name: /^Redigér/ })
    .first();
  const box = (await edit.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await axeViolations(page)).toEqual([]);
});
