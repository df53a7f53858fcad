import type { Page } from 'playwright-core';
import { demo } from '../support/app';
import { axeViolations, browserSuite } from '../support/browser';
import { apiClient } from '../support/client';
import { LocalProvider, OIDC_CLIENT } from '../support/oidc';

/** Staff log in with "Log ind med kommunens login" at a local OpenID provider (its dev login and consent pages). */
let provider: LocalProvider;
let issuer: string;
beforeAll(async () => {
  ({ provider, issuer } = await LocalProvider.start());
});
const suite = browserSuite(() => ({
  OIDC_ISSUER: issuer,
  OIDC_CLIENT_ID: OIDC_CLIENT.clientId,
  OIDC_CLIENT_SECRET: OIDC_CLIENT.clientSecret,
}));
beforeAll(async () => {
  await provider.send({ ...OIDC_CLIENT, redirectUris: [`${suite.t.url}/api/auth/oidc/callback`] });
});
afterAll(() => provider?.stop());

/** From Tværs's login page through the provider's pages, as `sub`. */
async function signInAtProvider(page: Page, sub: string) {
  await page.goto(`${suite.t.url}/login`);
  await page.getByRole('link', { name: 'Log ind med kommunens login' }).click();
  await page.locator('input[name="login"]').fill(sub);
  await page.locator('input[name="password"]').fill('x');
  await page.locator('button[type="submit"]').click();
  // The provider asks for consent once per person and client.
  await page.getByRole('button', { name: 'Continue' }).click();
}

describe("login with the municipality's login", () => {
  it('offers it on the login page next to the password form, without accessibility violations', async () => {
    const page = await suite.newPage();
    await page.goto(`${suite.t.url}/login`);
    await page.getByRole('link', { name: 'Log ind med kommunens login' }).waitFor();
    await page.getByLabel('Adgangskode').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('logs a staff member known by their e-mail into their own work', async () => {
    await provider.account('browser-caseworker', demo.caseworker);
    const page = await suite.newPage();
    await signInAtProvider(page, 'browser-caseworker');
    await page.getByTestId('calendar').waitFor();
    const { t, id } = await suite.as(demo.caseworker);
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await apiClient(t, cookie).auth.me()).id).toBe(id);
  });

  it('tells an unknown person in Danish that they do not exist in Tværs', async () => {
    await provider.account('browser-stranger', 'stranger@elsewhere.example');
    const page = await suite.newPage();
    await signInAtProvider(page, 'browser-stranger');
    await page
      .getByRole('alert')
      .filter({ hasText: 'Din bruger findes ikke i Tværs. Kontakt din administrator.' })
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await axeViolations(page)).toEqual([]);
  });
});
