// After the meeting: the caseworker marks a started meeting held with a decision that adds an
// effort to the plan; the page then shows the outcome. And the doctors' participation download on the calendar.
import type { RecordOutcome } from '@tvaers/contracts';
import type { Page } from 'playwright-core';
import type { TestApp } from '../support/app';
import { axeViolations, browserSuite } from '../support/browser';
import { apiClient } from '../support/client';
import {
  addGuestParticipant,
  createCase,
  createEffort,
  createMeeting,
  createStaff,
  type MeetingOptions,
  type Staff,
} from '../support/factories';

const suite = browserSuite();
let t: TestApp;
let cw: Staff;

beforeAll(async () => ({ t, caseworker: cw } = await suite.team('caseworker')));

/** A meeting of the caseworker's on the case that started `minutesAgo` minutes ago and lasts an hour. */
function startedMeeting(caseId: string, minutesAgo: number, options: MeetingOptions = {}) {
  const start = new Date(Date.now() - minutesAgo * 60_000);
  return createMeeting(t, caseId, cw, { start, end: new Date(start.getTime() + 3600_000), ...options });
}

/** On the meeting's page: "Afslut møde" with this summary and the first decision's text; answers that decision. */
async function closeWith(page: Page, summary: string, decisionText: string) {
  await page.getByRole('button', { name: 'Afslut møde' }).click();
  await page.getByLabel('Resumé').fill(summary);
  const decision = page.getByTestId('decision-1');
  await decision.getByLabel('Beslutning', { exact: true }).fill(decisionText);
  return decision;
}

describe('closing a meeting', () => {
  it('marks a started meeting held with a decision that adds an effort, and shows the outcome', async () => {
    const { kase } = await createCase(t, cw.cookie, cw.id, 0.01);
    await createEffort(t, cw.cookie, kase.id, { title: 'Mentor hos Bager Jensen' });
    const meeting = await startedMeeting(kase.id, 45, {
      doctor: 'Læge Hansen',
      videoUrl: 'https://video.example.dk/rum/abcdefghijklmnopqrstuv',
    });
    const api = apiClient(t, cw.cookie);
    const versionBefore = (await api.plan.get(kase.id)).version;

    const page = await suite.pageAs(cw.email, `/meetings/${meeting.id}`);
    // The video room opens in a new window, without telling it where it came from.
    const video = page.getByRole('link', { name: /Deltag på video/ });
    expect(await video.getAttribute('href')).toBe('https://video.example.dk/rum/abcdefghijklmnopqrstuv');
    expect(await video.getAttribute('target')).toBe('_blank');
    expect(await video.getAttribute('rel')).toBe('noopener noreferrer');

    await page.getByRole('heading', { level: 2, name: 'Afslut møde' }).waitFor();
    const decision = await closeWith(page, 'Borgeren er klar til jobsøgning med støtte.', 'Jobsøgning startes nu');
    await decision.getByLabel('Ny indsats').check();
    await decision.getByLabel('Type').selectOption('jobsoegning');
    await decision.getByLabel('Indsatsens navn').fill('Jobsøgning med mentor');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('record-outcome').click();
    const outcome = page.getByTestId('meeting-outcome');
    await outcome.getByText('Borgeren er klar til jobsøgning med støtte.').waitFor();
    await outcome.getByText(/Jobsøgning startes nu/).waitFor();
    await outcome.getByText('Ny indsats: Jobsøgning med mentor', { exact: false }).waitFor();
    await page.getByTestId('meeting-facts').getByText('Afholdt').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const plan = await api.plan.get(kase.id);
    expect(plan.version).toBe(versionBefore + 1);
    expect(plan.efforts.map((e) => e.title)).toContain('Jobsøgning med mentor');
    expect((await api.meetings.get(meeting.id)).status).toBe('held');
  });

  it('changes an effort’s title, owner and start in a decision: only those fields, in one plan version', async () => {
    const { kase } = await createCase(t, cw.cookie, cw.id, 0.01);
    const colleague = await createStaff(t, { teams: cw.teams });
    const effort = await createEffort(t, cw.cookie, kase.id, {
      title: 'Praktik hos Bager Jensen, 20 timer',
      ownerId: cw.id,
      startDate: '2027-01-04',
      endDate: '2027-06-30',
    });
    const meeting = await startedMeeting(kase.id, 35);
    const api = apiClient(t, cw.cookie);
    const versionBefore = (await api.plan.get(kase.id)).version;

    const page = await suite.pageAs(cw.email, `/meetings/${meeting.id}`);
    const decision = await closeWith(page, 'Praktikken fortsætter med færre timer.', 'Praktikken går ned til 10 timer');
    await decision.getByLabel('Ændr en indsats').check();
    await decision.getByLabel('Indsats', { exact: true }).selectOption(effort.id);
    // The fields show the effort as it is now.
    const title = decision.getByLabel('Indsatsens navn');
    expect(await title.inputValue()).toBe('Praktik hos Bager Jensen, 20 timer');
    const owner = decision.getByLabel('Ansvarlig');
    expect(await owner.inputValue()).toBe(cw.id);
    const startDate = decision.getByLabel(/Startdato/);
    expect(await startDate.inputValue()).toBe('04-01-2027');
    expect(await decision.getByLabel(/Slutdato/).inputValue()).toBe('30-06-2027');
    expect(await decision.getByLabel('Status').inputValue()).toBe('planned');

    await title.fill('Praktik hos Bager Jensen, ned til 10 timer');
    await owner.selectOption(colleague.id);
    await startDate.fill('01-02-2027');
    expect(await axeViolations(page)).toEqual([]);
    // Only what was changed is sent: the prefilled end date and status stay out of the request.
    const [sent] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith(`/api/meetings/${meeting.id}/outcome`) && r.method() === 'POST'),
      page.getByTestId('record-outcome').click(),
    ]);
    expect((sent.postDataJSON() as RecordOutcome).decisions[0].effort).toEqual({
      change: {
        effortId: effort.id,
        title: 'Praktik hos Bager Jensen, ned til 10 timer',
        ownerId: colleague.id,
        startDate: '2027-02-01',
      },
    });
    await page
      .getByTestId('meeting-outcome')
      .getByText('Ændret indsats: Praktik hos Bager Jensen, ned til 10 timer')
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const plan = await api.plan.get(kase.id);
    expect(plan.version).toBe(versionBefore + 1);
    expect(plan.efforts.find((e) => e.id === effort.id)).toMatchObject({
      title: 'Praktik hos Bager Jensen, ned til 10 timer',
      ownerId: colleague.id,
      startDate: '2027-02-01',
      endDate: '2027-06-30',
      status: 'planned',
      purpose: effort.purpose,
    });
    const [latest] = (await api.plan.history(kase.id)).items;
    expect(latest.version).toBe(versionBefore + 1);
    expect(latest.changes.map((c) => c.field).sort()).toEqual(
      [`efforts.${effort.id}.ownerId`, `efforts.${effort.id}.startDate`, `efforts.${effort.id}.title`].sort(),
    );
  });

  it('offers the notes as the summary’s draft, shares them with the employer, and keeps them once held', async () => {
    const { kase } = await createCase(t, cw.cookie, cw.id, 0.01);
    const meeting = await startedMeeting(kase.id, 40);
    const employer = await addGuestParticipant(t, meeting.id, 'guest', 'Bager Jensen');
    const page = await suite.pageAs(cw.email, `/meetings/${meeting.id}`);

    // The employer sees the notes only once shared.
    const share = page.getByLabel('Del noterne med Bager Jensen');
    expect(await share.isChecked()).toBe(false);
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/participants/${employer.id}/notes-sharing`) && r.ok()),
      share.check(),
    ]);
    const shared = (await apiClient(t, cw.cookie).meetings.get(meeting.id)).participants;
    expect(shared.find((p) => p.id === employer.id)?.notesShared).toBe(true);

    await page.getByText('Alle i mødet kan skrive her på samme tid. Noterne gemmes løbende.').waitFor();
    const notes = 'Aftalt: praktik hos Bager Jensen, 10 timer om ugen.';
    await page.getByTestId('room-notes').fill(notes);
    // Saved over the socket: asked of the API until it has the text (each ask as the page would).
    await page.waitForFunction(
      async ([url, expected]) => ((await (await fetch(url)).json()) as { text: string }).text === expected,
      [`/api/meetings/${meeting.id}/notes`, notes] as const,
      { polling: 200 },
    );

    await page.getByRole('button', { name: 'Afslut møde' }).click();
    const summary = page.getByLabel('Resumé');
    await page.getByText('Resuméet er udfyldt med mødets noter. Ret det til, før du gemmer.').waitFor();
    expect(await summary.inputValue()).toBe(notes);
    await summary.fill(`${notes} Opfølgning om en måned.`);
    await page.getByTestId('decision-1').getByLabel('Beslutning', { exact: true }).fill('Praktik starter');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('record-outcome').click();
    await page.getByTestId('meeting-outcome').getByText(`${notes} Opfølgning om en måned.`).waitFor();

    // Held: the notes stay, read-only.
    const held = page.getByTestId('meeting-held-notes');
    await held.getByText(notes, { exact: true }).waitFor();
    expect(await page.getByTestId('room-notes').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows a decision’s invalid field at the field, and nothing is saved', async () => {
    const { kase } = await createCase(t, cw.cookie, cw.id, 0.01);
    const meeting = await startedMeeting(kase.id, 30);
    const page = await suite.pageAs(cw.email, `/meetings/${meeting.id}`);
    const decision = await closeWith(page, 'Resumé', 'Ny indsats');
    await decision.getByLabel('Ny indsats').check();
    await page.getByTestId('record-outcome').click();
    // The type is missing: the contract names it before anything is sent.
    await decision.locator('[aria-invalid="true"]').first().waitFor();
    expect((await apiClient(t, cw.cookie).meetings.get(meeting.id)).status).toBe('scheduled');
  });
});

describe('doctor participation', () => {
  it('offers the CSV download on the calendar page', async () => {
    const page = await suite.pageAs(cw.email, '/');
    await page.getByRole('heading', { level: 2, name: 'Lægedeltagelse' }).waitFor();
    await page.getByLabel('Fra').fill('01-11-2026');
    await page.getByLabel('Til').fill('30-11-2026');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('doctor-csv').click()]);
    expect(download.suggestedFilename()).toBe('laegedeltagelse-2026-11-01-2026-11-30.csv');
    expect(await axeViolations(page)).toEqual([]);
  });
});
