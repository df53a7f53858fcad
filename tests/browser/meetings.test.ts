import type { Page } from 'playwright-core';
import type { TestApp } from '../support/app';
import type { CreateMeeting } from '@tvaers/contracts';
import {
  axeViolations,
  browserSuite,
  loginAs,
  moveOnMeetingPage,
  proposeFromCasePage,
  showGuestLink,
} from '../support/browser';
import { apiClient } from '../support/client';
import { createCase, type Staff } from '../support/factories';

const suite = browserSuite();
let t: TestApp;
let cw: Staff;
let health: Staff;

beforeAll(async () => ({ t, caseworker: cw, health } = await suite.team('caseworker', 'health')));

/** A case of the caseworker's with the health worker on it. */
async function caseWithColleague() {
  const { kase, citizen } = await createCase(t, cw.cookie, cw.id);
  await apiClient(t, cw.cookie).cases.setMember(kase.id, { staffId: health.id, role: 'Sundhedsfaglig' });
  return { kase, citizen };
}

/** A one-hour meeting of the case that `who` plans at `hour` o'clock (Danish winter time) on `day`. */
function meetingAt(who: Staff, caseId: string, day: string, hour = 9, extra: Partial<CreateMeeting> = {}) {
  const at = (h: number) => `${day}T${String(h).padStart(2, '0')}:00:00+01:00`;
  return who.api.meetings.create({ caseId, start: at(hour), end: at(hour + 1), participants: [], ...extra });
}

/** Logged in as the caseworker: the planner with the colleague and a doctor, and 2 times from "Find et tidspunkt". */
async function planWithProposals(page: Page, caseId: string) {
  await loginAs(page, t.url, cw.email);
  return proposeFromCasePage(page, t.url, caseId, health.name);
}

describe('planning a meeting', () => {
  it('proposes 2 free times to a doctor from the case page and opens the meeting', async () => {
    const { kase } = await caseWithColleague();
    const page = await suite.newPage();
    const picked = await planWithProposals(page, kase.id);
    await page.getByLabel(/^Dagsorden/).fill('Velkomst\n\nLægens vurdering\n');
    await page.getByTestId('plan-meeting').click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    await page.getByTestId('meeting-facts').getByText('Foreslåede tider').waitFor();
    const meetingId = page.url().split('/').pop() ?? '';
    const meeting = await apiClient(t, cw.cookie).meetings.get(meetingId);
    expect(meeting.proposals.map((p) => p.start).sort()).toEqual(picked.map((s) => new Date(s).toISOString()).sort());
    expect(meeting.participants.map((p) => p.kind).sort()).toEqual(['citizen', 'doctor', 'staff', 'staff']);
    expect(meeting.agenda).toEqual(['Velkomst', 'Lægens vurdering']);
  });

  it("shows the meeting's own agenda in the live room, and the standard one without", async () => {
    const { kase } = await caseWithColleague();
    const own = await meetingAt(cw, kase.id, '2027-01-14', 9, { agenda: ['Borgerens ønsker', 'Aftaler'] });
    const standard = await meetingAt(cw, kase.id, '2027-01-14', 11);
    const page = await suite.pageAs(cw.email);
    const agendaOf = async (id: string) => {
      await page.goto(`${t.url}/meetings/${id}`);
      await page.getByRole('heading', { name: 'Dagsorden' }).waitFor();
      return page.getByRole('region', { name: 'Dagsorden' }).getByRole('listitem').allInnerTexts();
    };
    expect(await agendaOf(own.id)).toEqual(['Borgerens ønsker', 'Aftaler']);
    expect((await agendaOf(standard.id))[0]).toBe('Velkomst og formålet med mødet');
  });

  it('lists the case meeting on the case page with a link to it', async () => {
    const { kase } = await caseWithColleague();
    const created = await meetingAt(cw, kase.id, '2027-01-12', 9, { title: 'Opfølgende rundbordsmøde' });
    const page = await suite.pageAs(cw.email, `/cases/${kase.id}`);
    const link = page.getByTestId('case-meetings').getByRole('link', { name: 'Opfølgende rundbordsmøde' });
    await link.click();
    await page.waitForURL(`${t.url}/meetings/${created.id}`);
  });

  it('shows who is not free at the time fields when a fixed time clashes', async () => {
    const { kase } = await caseWithColleague();
    await meetingAt(health, kase.id, '2027-01-13');
    const page = await suite.pageAs(cw.email, `/cases/${kase.id}/meetings/new`);
    await page.getByLabel(new RegExp(health.name)).check();
    await page.getByLabel('Et fast tidspunkt').check();
    await page.getByLabel('Dato').fill('13-01-2027');
    await page.getByLabel('Fra kl.').fill('09.30');
    await page.getByLabel('Til kl.').fill('10.30');
    await page.getByTestId('plan-meeting').click();
    await page.getByText(`${health.name} er ikke ledig på det tidspunkt.`).first().waitFor();
    expect(page.url()).toContain('/meetings/new');
  });

  it('passes axe on the planner with free times listed', async () => {
    const { kase } = await caseWithColleague();
    const page = await suite.newPage();
    await planWithProposals(page, kase.id);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('a doctor choosing a time through the link', () => {
  it('gets a link on the meeting page, picks a proposal on a phone, and the meeting is scheduled', async () => {
    const { kase } = await caseWithColleague();
    const page = await suite.newPage();
    const picked = await planWithProposals(page, kase.id);
    await page.getByTestId('plan-meeting').click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    const url = await showGuestLink(page, 'Læge Hansen');
    await page.getByText(/^Virker til /).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const phone = await suite.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${t.url}/m/${url.split('/').pop()}`);
    await phone.getByText('Du er inviteret som Læge Hansen.').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeViolations(phone)).toEqual([]);
    await phone.getByRole('group', { name: 'Hvilket tidspunkt passer dig?' }).getByRole('radio').first().check();
    await phone.getByRole('button', { name: 'Vælg tidspunkt' }).click();
    await phone.getByTestId('meeting-facts').getByText('Fastlagt').waitFor();

    await page.reload();
    await page.getByTestId('meeting-facts').getByText('Fastlagt').waitFor();
    const meeting = await apiClient(t, cw.cookie).meetings.get(page.url().split('/').pop() ?? '');
    expect(meeting.status).toBe('scheduled');
    expect(new Date(meeting.start ?? '').toISOString()).toBe(new Date(picked[0]).toISOString());
  });

  it('says the link does not work for an unknown token', async () => {
    const phone = await suite.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${t.url}/m/unknown-token-${Date.now()}`);
    await phone.getByRole('heading', { level: 1, name: 'Linket virker ikke' }).waitFor();
  });
});

describe('moving a meeting', () => {
  it('names the colleague who is not free at the new time', async () => {
    const { kase } = await caseWithColleague();
    await meetingAt(health, kase.id, '2027-01-18');
    const meeting = await meetingAt(cw, kase.id, '2027-01-19', 9, {
      participants: [{ kind: 'staff', staffId: health.id }],
    });
    const page = await suite.pageAs(cw.email, `/meetings/${meeting.id}`);
    await moveOnMeetingPage(page, '18-01-2027', '09.30', '10.30');
    await page.getByText(`${health.name} er ikke ledig på det tidspunkt.`).first().waitFor();
  });
});
