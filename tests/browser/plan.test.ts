import { demo, type TestApp } from '../support/app';
import { axeViolations, browserSuite, expectText, loginAs } from '../support/browser';
import { apiClient } from '../support/client';

const suite = browserSuite();
let t: TestApp;
beforeAll(() => (t = suite.t));

const newCase = () => suite.newCase(demo.caseworker);

describe('shared plan in the browser', () => {
  it('edits the plan and adds an effort; a second browser sees both live', async () => {
    const { kase } = await newCase();
    const author = await suite.pageAs(demo.caseworker, `/cases/${kase.id}`);
    const viewer = await suite.pageAs(demo.social, `/cases/${kase.id}`);
    for (const p of [author, viewer]) await expectText(p, 'plan-version', 'Version 1');

    const goal = 'Jeg vil arbejde med dyr tre dage om ugen';
    await author.getByTestId('citizen-goal-editor').getByRole('button', { name: 'Redigér' }).click();
    await author.getByLabel('Borgerens eget mål').fill(goal);
    await author.getByTestId('citizen-goal-editor').getByRole('button', { name: 'Gem' }).click();
    await expectText(author, 'citizen-goal', goal);
    // The other browser gets the change without reloading.
    await expectText(viewer, 'citizen-goal', goal);
    await expectText(viewer, 'plan-version', 'Version 2');

    await author.getByLabel('Type').selectOption({ label: 'Mentor' });
    await author.getByLabel('Titel').fill('Mentor på arbejdspladsen');
    await author.getByTestId('add-effort').click();
    await author.getByTestId('efforts-employment').getByText('Mentor på arbejdspladsen').waitFor();
    await viewer.getByTestId('efforts-employment').getByText('Mentor på arbejdspladsen').waitFor();
    await expectText(viewer, 'plan-version', 'Version 3');

    const plan = await apiClient(t, await t.login(demo.caseworker)).plan.get(kase.id);
    expect(plan).toMatchObject({ version: 3, citizenGoal: goal });
    expect(plan.efforts.map((e) => e.title)).toEqual(['Mentor på arbejdspladsen']);
    expect(await axeViolations(author)).toEqual([]);
  });

  it('keeps the user text and explains a conflict when someone else saved first', async () => {
    const { kase } = await newCase();
    const page = await suite.newPage();
    // No live connection for this page, so it cannot learn of the other save before pressing Gem.
    await page.route('**/socket.io/**', (route) => route.abort());
    await loginAs(page, t.url, demo.caseworker);
    await page.goto(`${t.url}/cases/${kase.id}`);
    await expectText(page, 'plan-version', 'Version 1');
    await page.getByTestId('job-goal-editor').getByRole('button', { name: 'Redigér' }).click();
    await page.getByLabel('Mål for job eller uddannelse').fill('Min egen tekst');
    await apiClient(t, await t.login(demo.social)).plan.update(kase.id, 1, { citizenGoal: 'Andens ændring' });
    await page.getByTestId('job-goal-editor').getByRole('button', { name: 'Gem' }).click();
    await page.getByTestId('plan-conflict').waitFor();
    expect(await page.getByLabel('Mål for job eller uddannelse').inputValue()).toBe('Min egen tekst');
    await expectText(page, 'citizen-goal', 'Andens ændring');
    // Saving again lands on the new version; nothing was lost.
    await page.getByTestId('job-goal-editor').getByRole('button', { name: 'Gem' }).click();
    await expectText(page, 'job-goal', 'Min egen tekst');
    const plan = await apiClient(t, await t.login(demo.caseworker)).plan.get(kase.id);
    expect(plan).toMatchObject({ version: 3, citizenGoal: 'Andens ændring', jobGoal: 'Min egen tekst' });
  });

  it('has accessible case list, case page, printable plan and worklist', async () => {
    const { kase } = await newCase();
    const page = await suite.pageAs(demo.caseworker, '/cases');
    await page.getByTestId('case-list').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${t.url}/cases/${kase.id}`);
    await page.getByTestId('plan-version').waitFor();
    await page.getByTestId('indicators').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${t.url}/cases/${kase.id}/print`);
    await page.getByTestId('printable-plan').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${t.url}/worklist`);
    await page.getByTestId('worklist').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
