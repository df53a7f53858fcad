// A caseworker finds a time and proposes slots, the doctor picks one through
// the link in a second browser, the caseworker's page shows it live, and both write the shared notes at once.
import { RealtimeGateway } from '@tvaers/api/src/realtime/realtime.gateway';
import type { Page } from 'playwright-core';
import type { TestApp } from '../support/app';
import { axeViolations, browserSuite, loginAs, proposeFromCasePage, showGuestLink } from '../support/browser';
import { apiClient } from '../support/client';
import * as Y from 'yjs';
import { addGuestParticipant, createCase, createMeeting, issueGuestLink, type Staff } from '../support/factories';

const suite = browserSuite();
let t: TestApp;
let cw: Staff;
let health: Staff;

beforeAll(async () => ({ t, caseworker: cw, health } = await suite.team('caseworker', 'health')));

/** From the case page: "Planlæg rundbordsmøde" with the colleague and a doctor, 2 times from "Find et tidspunkt". */
async function proposeTwoTimes(page: Page, caseId: string): Promise<string> {
  await loginAs(page, t.url, cw.email);
  await proposeFromCasePage(page, t.url, caseId, health.name);
  await page.getByTestId('plan-meeting').click();
  await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop() ?? '';
}

const notes = (page: Page) => page.getByTestId('meeting-room').getByLabel('Fælles noter');

/** Waits until the page's room is connected and its notes fetched (the textarea is read-only until then). */
async function roomReady(page: Page) {
  await page.getByTestId('meeting-room').getByRole('status').getByText('Forbundet').waitFor();
  await page.waitForFunction(
    () => document.querySelector<HTMLTextAreaElement>('[data-testid="room-notes"]')?.readOnly === false,
  );
}

/** Waits until the page's notes contain every one of `texts`. */
async function notesContain(page: Page, ...texts: string[]) {
  await page.waitForFunction(
    (wanted) => {
      const value = document.querySelector<HTMLTextAreaElement>('[data-testid="room-notes"]')?.value ?? '';
      return wanted.every((w) => value.includes(w));
    },
    texts,
    { timeout: 10_000 },
  );
}

describe('a roundtable from proposal to the live room', () => {
  it('the doctor picks a time, the caseworker sees it live, and both write the notes at the same time', async () => {
    const { kase } = await createCase(t, cw.cookie, cw.id);
    await apiClient(t, cw.cookie).cases.setMember(kase.id, { staffId: health.id, role: 'Sundhedsfaglig' });

    const staff = await suite.newPage();
    const meetingId = await proposeTwoTimes(staff, kase.id);
    await staff.getByTestId('meeting-facts').getByText('Foreslået').first().waitFor();
    // No room before a time is fixed.
    expect(await staff.getByTestId('meeting-room').count()).toBe(0);
    const link = await showGuestLink(staff, 'Læge Hansen');

    // The doctor, in a second browser context (no session), on a phone.
    const doctor = await suite.newPage({ viewport: { width: 390, height: 844 } });
    await doctor.goto(`${t.url}/m/${link.split('/').pop()}`);
    await doctor.getByText('Du er inviteret som Læge Hansen.').waitFor();
    await doctor.getByRole('group', { name: 'Hvilket tidspunkt passer dig?' }).getByRole('radio').first().check();
    await doctor.getByRole('button', { name: 'Vælg tidspunkt' }).click();
    await doctor.getByTestId('meeting-facts').getByText('Fastlagt').waitFor();

    // The caseworker's page, not reloaded, shows the choice and opens the room.
    await staff.getByTestId('meeting-facts').getByText('Fastlagt').waitFor();
    await staff.getByTestId('meeting-time').waitFor();
    expect((await apiClient(t, cw.cookie).meetings.get(meetingId)).status).toBe('scheduled');

    for (const page of [staff, doctor]) {
      const room = page.getByTestId('meeting-room');
      await roomReady(page);
      await room.getByRole('heading', { name: 'Til stede nu' }).waitFor();
      await room.getByTestId('room-present').getByText(cw.name).waitFor();
      await room.getByTestId('room-present').getByText('Læge Hansen').waitFor();
      await room.getByRole('heading', { name: 'Dagsorden' }).waitFor();
    }
    await staff.getByTestId('room-present').getByText(`${cw.name} (dig)`, { exact: true }).waitFor();
    await doctor.getByTestId('room-present').getByText('Læge Hansen (dig)', { exact: true }).waitFor();

    // Both type at once, key by key, into their own end of the notes.
    const staffText = 'Sagsbehandleren noterer: borgeren starter i praktik.';
    const doctorText = 'Lægen noterer: højst 15 timer om ugen.';
    await Promise.all([
      notes(staff).pressSequentially(staffText, { delay: 15 }),
      notes(doctor).pressSequentially(doctorText, { delay: 15 }),
    ]);
    await notesContain(staff, staffText, doctorText);
    await notesContain(doctor, staffText, doctorText);
    expect(await notes(staff).inputValue()).toBe(await notes(doctor).inputValue());

    // The caseworker writing before the doctor's caret moves it along with the text (not to the end).
    const caret = await notes(doctor).evaluate((el: HTMLTextAreaElement) => {
      el.focus();
      const at = el.value.indexOf('højst');
      el.setSelectionRange(at, at);
      return at;
    });
    await notes(staff).evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, 0));
    await notes(staff).pressSequentially('Referat. ');
    await notesContain(doctor, 'Referat. ');
    expect(await notes(doctor).evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd])).toEqual([
      caret + 'Referat. '.length,
      caret + 'Referat. '.length,
    ]);
    await doctor.keyboard.type('gerne ');
    await notesContain(staff, 'gerne højst 15 timer');

    expect(await axeViolations(staff)).toEqual([]);
    expect(await axeViolations(doctor)).toEqual([]);

    // A late joiner gets the whole stored document.
    await doctor.reload();
    await notesContain(doctor, 'Referat. ', staffText, 'Lægen noterer: gerne højst 15 timer om ugen.');

    // The doctor leaving is announced to the caseworker.
    await doctor.close();
    await staff.getByTestId('room-announcement').getByText('Læge Hansen er gået.').waitFor();
    expect(await staff.getByTestId('room-present').getByText('Læge Hansen').count()).toBe(0);
  });
});

describe('losing the connection', () => {
  it('says so, keeps what was written meanwhile, and merges it on reconnect', async () => {
    const { kase } = await createCase(t, cw.cookie, cw.id);
    const start = new Date(Date.now() + 20 * 24 * 3600_000);
    const meeting = await apiClient(t, cw.cookie).meetings.create({
      caseId: kase.id,
      start: start.toISOString(),
      end: new Date(start.getTime() + 3600_000).toISOString(),
      participants: [{ kind: 'doctor', name: 'Læge Berg' }],
    });
    const participant = meeting.participants.find((p) => p.kind === 'doctor')!;
    const token = await issueGuestLink(t, cw.cookie, meeting.id, participant.id);

    const staff = await suite.pageAs(cw.email, `/meetings/${meeting.id}`);
    const doctor = await suite.newPage({ viewport: { width: 390, height: 844 } });
    await doctor.goto(`${t.url}/m/${token}`);
    await roomReady(staff);
    await roomReady(doctor);

    // Offline, and the doctor's connection drops (a closed transport, not the server ending it: it reconnects).
    await doctor.context().setOffline(true);
    for (const socket of t.app.get(RealtimeGateway).server.sockets.sockets.values()) {
      if (socket.data.guest?.participantId === participant.id) socket.conn.close();
    }
    await doctor.getByTestId('meeting-room').getByRole('status').getByText('Genopretter forbindelse…').waitFor();
    await notes(doctor).pressSequentially('Skrevet uden net. ');
    await notes(staff).pressSequentially('Skrevet imens. ');
    await doctor.context().setOffline(false);
    await doctor.getByTestId('meeting-room').getByRole('status').getByText('Forbundet').waitFor({ timeout: 20_000 });
    await notesContain(doctor, 'Skrevet uden net. ', 'Skrevet imens. ');
    await notesContain(staff, 'Skrevet uden net. ', 'Skrevet imens. ');
  });
});

describe('an employer at the meeting', () => {
  it('sees a plain sentence until the notes are shared, and cannot delete what others wrote', async () => {
    const { kase } = await createCase(t, cw.cookie, cw.id, 0.01);
    const meeting = await createMeeting(t, kase.id, cw, { start: new Date(Date.now() + 60 * 60_000) });
    const employer = await addGuestParticipant(t, meeting.id, 'guest', 'Bager Jensen');
    const token = await issueGuestLink(t, cw.cookie, meeting.id, employer.id);
    // The caseworker's notes, written over the socket as the staff page does.
    const socket = await t.connect({ cookie: cw.cookie });
    try {
      await socket.timeout(5000).emitWithAck('meeting:join', { meetingId: meeting.id });
      const doc = new Y.Doc();
      doc.getText('notes').insert(0, 'Borgeren har angst og går til psykiater.');
      await socket.timeout(5000).emitWithAck('meeting:notes', {
        meetingId: meeting.id,
        update: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64'),
      });
    } finally {
      socket.close();
    }

    const page = await suite.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${t.url}/m/${token}`);
    const room = page.getByTestId('meeting-room');
    await room.getByText('Noterne fra mødet deles ikke med dig. Du kan stadig se tid, sted og dagsorden.').waitFor();
    expect(await page.getByText(/angst/).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await cw.api.meetings.shareNotes(meeting.id, employer.id, { shared: true });
    // The open page hears it: the notes appear without a reload.
    await roomReady(page);
    expect(await notes(page).inputValue()).toBe('Borgeren har angst og går til psykiater.');
    // Selecting all and deleting is refused: the notes come back as they were, and the page says why.
    await notes(page).fill('');
    await saved(page, meeting.id, '');
    await room
      .getByRole('alert')
      .getByText(/du kan kun slette tekst, du selv har skrevet/)
      .waitFor();
    await notesContain(page, 'Borgeren har angst og går til psykiater.');
    // Its own text the employer may write (and the notes keep the caseworker's).
    await notes(page).press('Control+End');
    await notes(page).pressSequentially(' Arbejdsgiveren kan tilbyde 10 timer.');
    // An accepted write clears the message; the server keeps the caseworker's text with the employer's.
    await room
      .getByRole('alert')
      .getByText(/du kan kun slette/)
      .waitFor({ state: 'detached' });
    const staffSocket = await t.connect({ cookie: cw.cookie });
    try {
      await staffSocket.timeout(5000).emitWithAck('meeting:join', { meetingId: meeting.id });
      const ack = (await staffSocket.timeout(5000).emitWithAck('meeting:notes:sync', { meetingId: meeting.id })) as {
        text: string;
      };
      expect(ack.text).toMatch(/^Borgeren har angst og går til psykiater./);
      expect(ack.text.length).toBeGreaterThan('Borgeren har angst og går til psykiater.'.length);
    } finally {
      staffSocket.close();
    }
    expect(await axeViolations(page)).toEqual([]);
  });
});

/** Waits until the server's notes read `text` (asked as the staff page would, every 200 ms). */
async function saved(page: Page, meetingId: string, text: string) {
  await page.waitForFunction(
    async ([url, expected]) => ((await (await fetch(url)).json()) as { text: string }).text === expected,
    [`/api/meetings/${meetingId}/notes`, text] as const,
    { polling: 200 },
  );
}

describe('earlier versions of the notes', () => {
  it('"Gendan" brings back text that was deleted, in the live notes', async () => {
    const { kase } = await createCase(t, cw.cookie, cw.id, 0.01);
    const meeting = await createMeeting(t, kase.id, cw, { start: new Date(Date.now() + 90 * 60_000) });
    const page = await suite.pageAs(cw.email, `/meetings/${meeting.id}`);
    await roomReady(page);
    await notes(page).fill('Borgeren ønsker praktik hos Bager Jensen.');
    await saved(page, meeting.id, 'Borgeren ønsker praktik hos Bager Jensen.');
    await page.getByRole('button', { name: 'Vis tidligere udgaver' }).click();
    const versions = page.getByTestId('notes-versions');
    await versions.getByText('Borgeren ønsker praktik hos Bager Jensen.').waitFor();
    await notes(page).fill('');
    await saved(page, meeting.id, '');
    // The list is fetched again on opening; the deletion is its own version.
    await page.getByRole('button', { name: 'Skjul tidligere udgaver' }).click();
    await page.getByRole('button', { name: 'Vis tidligere udgaver' }).click();
    await versions.getByRole('listitem').nth(1).waitFor();
    const kept = versions.getByRole('listitem').filter({ hasText: 'Borgeren ønsker praktik hos Bager Jensen.' });
    await kept.getByRole('button', { name: /^Gendan noterne, som de var / }).click();
    await page.getByText('Noterne er gendannet.').waitFor();
    await notesContain(page, 'Borgeren ønsker praktik hos Bager Jensen.');
    expect(await axeViolations(page)).toEqual([]);
  });
});
