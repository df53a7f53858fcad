import fs from 'node:fs';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { demo } from '../support/app';
import { browserSuite, loginAs } from '../support/browser';
import { repoRoot } from '../support/paths';

// The budget the web build enforces, checked here against what the browser is actually sent.
const { firstPageJsGzipKb } = JSON.parse(
  fs.readFileSync(path.join(repoRoot, 'apps', 'web', 'budget.json'), 'utf8'),
) as { firstPageJsGzipKb: number };

const suite = browserSuite();

/** The scripts a page fetches from now on. */
function scriptsOf(page: Page): Request[] {
  const scripts: Request[] = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'script') scripts.push(request);
  });
  return scripts;
}

const names = (scripts: Request[]) => scripts.map((request) => path.basename(new URL(request.url()).pathname));

// Gzip only, as the budget counts it (a browser asking for brotli is sent less).
const gzipOnly = { extraHTTPHeaders: { 'Accept-Encoding': 'gzip' } };

describe('web weight', () => {
  it('sends the login page its JavaScript within the budget, and no page, calendar, room or English chunk', async () => {
    const page = await suite.newPage(gzipOnly);
    const scripts = scriptsOf(page);
    await page.goto(`${suite.t.url}/login`);
    await page.getByRole('button', { name: 'Log ind' }).waitFor();

    const sent = await Promise.all(scripts.map(async (request) => (await request.sizes()).responseBodySize));
    const total = sent.reduce((sum, bytes) => sum + bytes, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(firstPageJsGzipKb * 1000);
    expect(
      names(scripts).filter((name) => /^(CalendarPage|MeetingPage|MeetingRoom|socket-client|en)-/.test(name)),
    ).toEqual([]);
  });

  it('fetches a page chunk when the page is first visited, with its Danish texts', async () => {
    const page = await suite.newPage(gzipOnly);
    await loginAs(page, suite.t.url, demo.social);
    const scripts = scriptsOf(page);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Arbejdsliste' }).click();
    await page.getByRole('heading', { level: 1, name: 'Arbejdsliste' }).waitFor();
    expect(names(scripts).some((name) => name.startsWith('WorklistPage-'))).toBe(true);
  });

  it('shows the first page in English at once for someone who chose English', async () => {
    const page = await suite.newPage();
    await page.addInitScript(() => window.localStorage.setItem('tvaers.language', 'en'));
    await page.goto(`${suite.t.url}/login`);
    await page.getByRole('button', { name: 'Log in', exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });
});
