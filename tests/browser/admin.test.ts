// Administration in the browser: an administrator lands on /admin, creates a caseworker and makes a
// one-time password link; the new person sets a password through it and logs in. Axe finds nothing.
import { axeViolations, browserSuite } from '../support/browser';
import { createStaff } from '../support/factories';
import { DEMO_PASSWORD } from '../support/app';

const suite = browserSuite();

it('creates a caseworker, makes a password link, and the new person sets a password and logs in', async () => {
  const { t } = suite;
  const admin = await createStaff(t, { kind: 'admin' });
  const teamName = admin.teams[0].name;
  const email = `ny-kollega-${Date.now()}@test.tvaers.dk`;

  const page = await suite.newPage();
  await page.goto(`${t.url}/login`);
  await page.getByLabel('E-mail').fill(admin.email);
  await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  // The start page of an administrator is the administration.
  await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/admin');
  await page.getByTestId('staff-table').waitFor();
  expect(await axeViolations(page)).toEqual([]);

  const create = page.getByRole('region', { name: 'Opret medarbejder' });
  await create.getByLabel('E-mail', { exact: true }).fill(email);
  await create.getByLabel('Navn', { exact: true }).fill('Ny Kollega');
  await create.getByLabel('Faglighed').selectOption('social');
  await create.getByLabel(teamName).check();
  await create.getByRole('button', { name: 'Opret medarbejder' }).click();
  await create.getByText('Ny Kollega er oprettet').waitFor();

  await page.getByLabel('Søg på navn eller e-mail').fill(email);
  const row = page.getByTestId(`staff-${email}`);
  await row.getByText('Sagsbehandler').waitFor();
  await row.getByText(teamName).waitFor();
  expect(await page.getByTestId('staff-table').locator('tbody tr').count()).toBe(1);

  // Deactivation asks first; here it is called off.
  await row.getByRole('button', { name: 'Deaktivér Ny Kollega' }).click();
  await row.getByText('Deaktivere Ny Kollega?').waitFor();
  await row.getByRole('button', { name: 'Fortryd' }).click();

  await row.getByRole('button', { name: 'Link til adgangskode Ny Kollega' }).click();
  const notice = page.getByTestId('password-link');
  await notice.getByText('Linket vises kun nu').waitFor();
  const link = await notice.getByLabel('Link').inputValue();
  expect(link).toMatch(new RegExp(`^${t.url}/set-password/[A-Za-z0-9_-]{43}$`));
  expect(await axeViolations(page)).toEqual([]);

  const newcomer = await suite.newPage();
  await newcomer.goto(link);
  await newcomer.getByRole('heading', { name: 'Vælg din adgangskode' }).waitFor();
  expect(await axeViolations(newcomer)).toEqual([]);
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

  // The link worked once.
  const again = await suite.newPage();
  await again.goto(link);
  await again.getByLabel('Ny adgangskode').fill('endnu en adgangskode her');
  await again.getByLabel('Gentag adgangskoden').fill('endnu en adgangskode her');
  await again.getByRole('button', { name: 'Gem adgangskode' }).click();
  await again.getByText('Linket er brugt, udløbet eller forkert').waitFor();
}, 90_000);
