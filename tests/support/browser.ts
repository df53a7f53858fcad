import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { DateTime } from 'luxon';
import { toLocal } from '@tvaers/domain';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './app';
import { apiClient } from './client';
import { createCase, createTeamOf, type Staff, type StaffOptions } from './factories';

type StaffKind = NonNullable<StaffOptions['kind']>;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Monday 00:00 (Copenhagen) of the week the calendar opens on: this one, or on a Saturday or Sunday the next. */
export function calendarWeek(now = new Date()): DateTime {
  const local = toLocal(now);
  return local.plus({ days: local.weekday >= 6 ? 8 - local.weekday : 0 }).startOf('week');
}

/** Debian's Chromium, headless; the flags keep it off the network this machine does not have. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core against WCAG 2.1 A and AA; returns the violations in a readable form. */
export async function axeViolations(page: Page): Promise<string[]> {
  // A settled page: a list refetching is dimmed (aria-busy) for a moment, which is not its contrast.
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  // Evaluated through the DevTools protocol: an inline <script> tag would be refused by the app's CSP.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  });
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/**
 * On the meeting page: a guest's link shown to this staff member. "Lav link" when none is out yet, else "Nyt link"
 * (confirmed): an invitation mail may already have given the participant one. Answers the link's URL.
 */
export async function showGuestLink(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name: new RegExp(`^(Lav|Nyt) link til ${name}$`) }).click();
  const field = page.getByLabel(`Link til ${name}`, { exact: true });
  const confirm = page.getByRole('button', { name: 'Ja, lav et nyt link' });
  await field.or(confirm).first().waitFor();
  if (await confirm.isVisible()) await confirm.click();
  return field.inputValue();
}

/**
 * Starts the page logged in as this user, on their landing page: the session is made through the API, as a
 * page's login would be. Only the tests of the login page itself fill the form (`loginThroughForm`).
 */
export async function loginAs(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  const res = await page.context().request.post(`${baseUrl}/api/auth/login`, { data: { email, password } });
  if (!res.ok()) throw new Error(`Login as ${email}: ${res.status()} ${await res.text()}`);
  // A signed-in user on the login page is sent on to their landing page, as after the form.
  await page.goto(`${baseUrl}/login`);
  await landed(page);
}

/** Logs in through the login page's form. */
export async function loginThroughForm(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await landed(page);
}

/**
 * Each role lands on its own work: the calendar (caseworkers), a case list (health staff), the dashboard (managers)
 * or the staff table (administrators).
 */
const landed = (page: Page) =>
  page
    .getByTestId('calendar')
    .or(page.getByTestId('case-list'))
    .or(page.getByTestId('dashboard'))
    .or(page.getByTestId('staff-table'))
    .waitFor();

/**
 * From a case page: "Planlæg rundbordsmøde" with one colleague and a doctor, and the first `times` free times from
 * "Find et tidspunkt" ticked. Answers the ticked times; the form is left unsent.
 */
export async function proposeFromCasePage(page: Page, baseUrl: string, caseId: string, colleague: string, times = 2) {
  await page.goto(`${baseUrl}/cases/${caseId}`);
  await page.getByRole('link', { name: 'Planlæg rundbordsmøde' }).click();
  await page.getByRole('heading', { level: 1, name: 'Planlæg rundbordsmøde' }).waitFor();
  await page.getByLabel(new RegExp(colleague)).check();
  await page.getByLabel('Lægens navn').fill('Læge Hansen');
  await page.getByLabel('Lægens e-mail').fill('hansen@example.org');
  const slots = page.getByTestId('start-times').getByRole('checkbox');
  await slots.first().waitFor();
  const picked: string[] = [];
  for (let i = 0; i < times; i++) {
    picked.push((await slots.nth(i).getAttribute('value')) ?? '');
    await slots.nth(i).check();
  }
  return picked;
}

/** On a meeting's page: "Flyt" to this date (dd-mm-åååå) from and to these times (tt.mm), and sent. */
export async function moveOnMeetingPage(page: Page, date: string, from: string, to: string) {
  await page.getByRole('button', { name: 'Flyt' }).click();
  await page.getByLabel('Dato').fill(date);
  await page.getByLabel('Fra kl.').fill(from);
  await page.getByLabel('Til kl.').fill(to);
  await page.getByTestId('move-meeting').click();
}

/** Waits until an element with this test id shows this text. */
export async function expectText(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
}

/** Chromium reports each Content-Security-Policy violation as a console error ("Refused to …"). */
const isCspViolation = (text: string) => /Content Security Policy/i.test(text);

export interface BrowserSuite {
  /** The app under test (set once the suite's beforeAll has run). */
  readonly t: TestApp;
  /**
   * The CSP violations this test's pages reported so far, taken (so the suite's own check after the test does not
   * see them again). Any left untaken fail the test: every browser test runs under the app's CSP.
   */
  takeCspViolations(): string[];
  /** A page in a fresh Danish browser context, closed after the test. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** A new page logged in as this user (`loginAs`), then at `path` of the app if given. */
  pageAs(email: string, path?: string, options?: BrowserContextOptions): Promise<Page>;
  /** The app and a new team with one member of each kind named (`createTeamOf`), e.g. for a file's beforeAll. */
  team<K extends StaffKind>(...kinds: K[]): Promise<{ t: TestApp } & Record<K, Staff>>;
  /** A session of this (demo) user and their id, for setting data up through the API. */
  as(email: string): Promise<{ t: TestApp; cookie: string; id: string }>;
  /** A new case with this (demo) user responsible. */
  newCase(email: string): ReturnType<typeof createCase>;
}

/**
 * One app and one Chromium for a test file; call it before the file's own hooks. `env`: the app's settings,
 * read when it starts (after any hook registered before this call, e.g. one starting a mail server).
 */
export function browserSuite(env: () => Record<string, string> = () => ({})): BrowserSuite {
  let t: TestApp | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const cspViolations: string[] = [];
  beforeAll(async () => {
    t = await startTestApp(env());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    const found = cspViolations.splice(0);
    if (found.length) throw new Error(`The page broke its Content-Security-Policy:\n${found.join('\n')}`);
  });
  return {
    get t() {
      if (!t) throw new Error('browserSuite: the app is not started yet');
      return t;
    },
    async newPage(options = {}) {
      if (!browser) throw new Error('browserSuite: the browser is not started yet');
      const context = await browser.newContext({ locale: 'da-DK', ...options });
      contexts.push(context);
      context.on('console', (msg) => {
        if (msg.type() === 'error' && isCspViolation(msg.text())) cspViolations.push(msg.text());
      });
      return context.newPage();
    },
    async pageAs(email, path, options) {
      const page = await this.newPage(options);
      await loginAs(page, this.t.url, email);
      if (path !== undefined) await page.goto(`${this.t.url}${path}`);
      return page;
    },
    async team(...kinds) {
      return { t: this.t, ...(await createTeamOf(this.t, ...kinds)) };
    },
    takeCspViolations() {
      return cspViolations.splice(0);
    },
    async as(email) {
      const cookie = await this.t.login(email);
      return { t: this.t, cookie, id: (await apiClient(this.t, cookie).auth.me()).id };
    },
    async newCase(email) {
      const { cookie, id } = await this.as(email);
      return createCase(this.t, cookie, id);
    },
  };
}
