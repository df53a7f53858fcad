// Invitations and reminders: mails with an iCalendar object, sent durably through pg-boss.
import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { JobQueue, Queues } from '@tvaers/api/src/jobs/job-queue';
import { reminderKey } from '@tvaers/api/src/meetings/meeting-mail-jobs';
import { startTestApp, type TestApp } from '../support/app';
import { apiClient } from '../support/client';
import { createCase, createStaff, type Staff } from '../support/factories';
import { checkIcs } from '../support/ics-rules';
import { type Captured, mailParts, mailsTo, mailText as textOf, testSmtp } from '../support/smtp';
import { eventually, meetingJobsSettled } from '../support/wait';

const smtp = testSmtp();
let t: TestApp;

const withSmtp = () => ({ SMTP_URL: smtp.url, JOB_WORKERS: 'true' });

beforeAll(async () => {
  t = await startTestApp(withSmtp());
});
afterAll(async () => {
  await t.close();
});

const icsOf = (mail: Captured) => mailParts(mail.raw).find((p) => /text\/calendar/i.test(p.type))?.body;
/** Every iCalendar part: the text/calendar alternative and the .ics attachment nodemailer adds. */
const icsParts = (mail: Captured) =>
  mailParts(mail.raw)
    .filter((p) => /text\/calendar|application\/ics/i.test(p.type))
    .map((p) => p.body);
const htmlOf = (mail: Captured) => mailParts(mail.raw).find((p) => /text\/html/i.test(p.type))?.body ?? '';

function parseIcs(text: string) {
  const cal = ICAL.Component.fromString(text);
  const event = cal.getFirstSubcomponent('vevent')!;
  return {
    method: cal.getFirstPropertyValue('method'),
    timezones: cal.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')),
    uid: event.getFirstPropertyValue('uid'),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    tzid: event.getFirstProperty('dtstart')!.getParameter('tzid'),
    start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toString(),
  };
}

let daySeq = 0;
/** A fixed time some days ahead (whole hours, UTC), distinct per call. */
function time(days = 20 + (daySeq += 1)) {
  const start = new Date(Date.now() + days * 24 * 3600_000);
  start.setUTCHours(9, 0, 0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + 3600_000).toISOString() };
}

/** An hour starting a day and a minute from now: its reminder (a day before) is due in a minute. */
function aDayAndAMinuteAhead() {
  const start = new Date(Date.now() + 24 * 3600_000 + 60_000);
  return { start: start.toISOString(), end: new Date(start.getTime() + 3600_000).toISOString() };
}

async function meetingWithDoctor(app: TestApp, sw: Staff, when = time()) {
  const { kase } = await createCase(app, sw.cookie, sw.id, 0.01);
  const doctorEmail = `laege-${Date.now()}-${daySeq}@example.dk`;
  const m = await sw.api.meetings.create({
    caseId: kase.id,
    ...when,
    location: 'Jobcentret, lokale 2',
    participants: [{ kind: 'doctor', name: 'Læge Hansen', email: doctorEmail }, { kind: 'citizen' }],
  });
  return { m, doctorEmail };
}

describe('invitations', () => {
  it('a scheduled meeting mails the doctor and the staff an iCalendar REQUEST in Europe/Copenhagen', async () => {
    const sw = await createStaff(t);
    const { m, doctorEmail } = await meetingWithDoctor(t, sw);
    const [toDoctor] = await mailsTo(doctorEmail, 1);
    const [toStaff] = await mailsTo(sw.email, 1);
    for (const mail of [toDoctor, toStaff]) {
      const ics = parseIcs(icsOf(mail)!);
      expect(ics).toMatchObject({ method: 'REQUEST', uid: `meeting-${m.id}@tvaers`, tzid: 'Europe/Copenhagen' });
      expect(ics.timezones).toContain('Europe/Copenhagen');
      expect(ics.sequence).toBeGreaterThanOrEqual(1);
    }
    expect(textOf(toDoctor)).toContain('Sted: Jobcentret, lokale 2');
  });

  it("the doctor's mail carries a working personal link", async () => {
    const sw = await createStaff(t);
    const { doctorEmail } = await meetingWithDoctor(t, sw);
    const [mail] = await mailsTo(doctorEmail, 1);
    const token = /\/m\/([A-Za-z0-9_-]{43})/.exec(textOf(mail))?.[1];
    expect(token).toBeDefined();
    await apiClient(t).guests.view(token!);
  });

  it('moving raises the SEQUENCE under the same UID; cancelling sends METHOD:CANCEL', async () => {
    const sw = await createStaff(t);
    const { m, doctorEmail } = await meetingWithDoctor(t, sw);
    const first = parseIcs(icsOf((await mailsTo(doctorEmail, 1))[0])!);
    await sw.api.meetings.update(m.id, time());
    const moved = parseIcs(icsOf((await mailsTo(doctorEmail, 2))[1])!);
    expect(moved.uid).toBe(first.uid);
    expect(moved.sequence).toBeGreaterThan(first.sequence);
    expect(moved.start).not.toBe(first.start);
    await sw.api.meetings.update(m.id, { status: 'cancelled' });
    const cancelled = parseIcs(icsOf((await mailsTo(doctorEmail, 3))[2])!);
    expect(cancelled).toMatchObject({ method: 'CANCEL', uid: first.uid });
    expect(cancelled.sequence).toBeGreaterThan(moved.sequence);
  });

  it('a proposed meeting mails the doctor the times and the link to choose, without an iCalendar object', async () => {
    const sw = await createStaff(t);
    const { kase } = await createCase(t, sw.cookie, sw.id, 0.01);
    const doctorEmail = `laege-proposed-${Date.now()}@example.dk`;
    await sw.api.meetings.create({
      caseId: kase.id,
      proposals: [time(), time()],
      participants: [{ kind: 'doctor', name: 'Læge Jensen', email: doctorEmail }],
    });
    const [mail] = await mailsTo(doctorEmail, 1);
    expect(icsOf(mail)).toBeUndefined();
    expect(textOf(mail)).toContain('Foreslåede tidspunkter');
    expect(textOf(mail)).toMatch(/\/m\/[A-Za-z0-9_-]{43}/);
  });
});

describe("the doctor's choice", () => {
  it('schedules the meeting on the same path as staff changes: logged as the guest, SEQUENCE raised, invitation mailed', async () => {
    const sw = await createStaff(t);
    const { kase } = await createCase(t, sw.cookie, sw.id, 0.01);
    const doctorEmail = `laege-valg-${Date.now()}-${(daySeq += 1)}@example.dk`;
    const proposals = [time(), time()];
    const m = await sw.api.meetings.create({
      caseId: kase.id,
      proposals,
      participants: [{ kind: 'doctor', name: 'Læge Valg', email: doctorEmail }],
    });
    const [proposed] = await mailsTo(doctorEmail, 1);
    const token = /\/m\/([A-Za-z0-9_-]{43})/.exec(textOf(proposed))![1];
    await apiClient(t).guests.choose(token, { start: proposals[1].start });
    const [, invitation] = await mailsTo(doctorEmail, 2);
    expect(invitation).toBeDefined();
    const { broken, facts } = checkIcs(icsOf(invitation)!, 'REQUEST');
    expect(broken).toEqual([]);
    // Proposed (1), then chosen (2): raised in the choice's own transaction.
    expect(facts).toMatchObject({ sequence: 2, uid: `meeting-${m.id}@tvaers` });
    expect(facts.start.toISOString()).toBe(proposals[1].start);
    const audit = await t.app
      .get(DataSource)
      .query<{ actor_kind: string }[]>(
        `SELECT actor_kind FROM audit_entry WHERE action = 'meeting.choose' AND entity_id = $1`,
        [m.id],
      );
    expect(audit).toEqual([{ actor_kind: 'guest' }]);
  });
});

describe('calendar files (RFC 5545, RFC 5546)', () => {
  it('every request, move, change and cancel to every recipient passes the rules on its raw text', async () => {
    const sw = await createStaff(t);
    const { citizen, kase } = await createCase(t, sw.cookie, sw.id, 0.01);
    const stamp = `${Date.now()}-${(daySeq += 1)}`;
    const doctorEmail = `laege-rfc-${stamp}@example.dk`;
    const guestEmail = `arbejdsgiver-rfc-${stamp}@example.dk`;
    const citizenEmail = `borger-rfc-${stamp}@example.dk`;
    await t.app.get(DataSource).query(`UPDATE citizen SET email = $2 WHERE id = $1`, [citizen.id, citizenEmail]);
    const first = time();
    const m = await sw.api.meetings.create({
      caseId: kase.id,
      ...first,
      title: 'Rundbordsmøde om arbejdsevne, helbred og næste skridt i forløbet med mange ord i titlen',
      location: 'Jobcentret, Østergade 12, lokale 2 (stuen, indgang fra gården ved cykelparkeringen)',
      participants: [
        { kind: 'doctor', name: 'Læge Ærø Åsgaard', email: doctorEmail },
        { kind: 'guest', name: 'Arbejdsgiver Øland', email: guestEmail, role: 'arbejdsgiver' },
        { kind: 'citizen' },
      ],
    });
    const recipients = [doctorEmail, guestEmail, citizenEmail, sw.email];
    for (const a of recipients) expect(await mailsTo(a, 1)).toHaveLength(1);
    const moved = time();
    await sw.api.meetings.update(m.id, moved);
    for (const a of recipients) expect(await mailsTo(a, 2)).toHaveLength(2);
    // A new place is news to the calendars too: a new version, same time.
    await sw.api.meetings.update(m.id, { location: 'Borgerservice, mødelokale 1' });
    for (const a of recipients) expect(await mailsTo(a, 3)).toHaveLength(3);
    await sw.api.meetings.update(m.id, { status: 'cancelled' });

    const methods = ['REQUEST', 'REQUEST', 'REQUEST', 'CANCEL'] as const;
    const starts = [first.start, moved.start, moved.start, moved.start];
    for (const address of recipients) {
      const mails = await mailsTo(address, 4);
      expect(mails).toHaveLength(4);
      expect(textOf(mails[2])).toContain('Sted: Borgerservice, mødelokale 1');
      expect(icsParts(mails[2])[0]).toContain('LOCATION:Borgerservice\\, mødelokale 1');
      let sequence = -1;
      mails.forEach((mail, i) => {
        const files = icsParts(mail);
        expect(files.length).toBeGreaterThanOrEqual(1);
        for (const file of files) {
          const { broken, facts } = checkIcs(file, methods[i]);
          expect({ address, mail: i, broken }).toEqual({ address, mail: i, broken: [] });
          expect(facts).toMatchObject({ uid: `meeting-${m.id}@tvaers`, tzid: 'Europe/Copenhagen' });
          expect(facts.start.toISOString()).toBe(starts[i]);
          expect(facts.sequence).toBeGreaterThan(sequence);
          // The citizen is no attendee: the file goes to everyone.
          expect(file).not.toContain(citizenEmail);
          expect(file).not.toContain(citizen.name);
        }
        sequence = checkIcs(files[0], methods[i]).facts.sequence;
      });
    }
  });

  it('the rules catch what the issue saw: a local DTSTAMP, a bare LF, a long line, a missing VTIMEZONE', () => {
    const good = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Test//Test//DA',
      'METHOD:REQUEST',
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Copenhagen',
      'BEGIN:STANDARD',
      'DTSTART:19701025T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'UID:meeting-1@tvaers',
      'SEQUENCE:1',
      'DTSTAMP:20261206T015126Z',
      'DTSTART;TZID=Europe/Copenhagen:20261214T100000',
      'DTEND;TZID=Europe/Copenhagen:20261214T110000',
      'SUMMARY:Møde',
      'ORGANIZER;CN=A:mailto:a@example.dk',
      'ATTENDEE;CN=B:mailto:b@example.dk',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    expect(checkIcs(good, 'REQUEST').broken).toEqual([]);
    expect(checkIcs(good, 'REQUEST').facts.start.toISOString()).toBe('2026-12-14T09:00:00.000Z');
    expect(checkIcs(good.replace('015126Z', '015126'), 'REQUEST').broken).toEqual([
      'DTSTAMP 20261206T015126 not in UTC',
    ]);
    expect(checkIcs(good, 'CANCEL').broken).toContain('METHOD REQUEST, want CANCEL');
    expect(checkIcs(good.replace('SUMMARY:Møde\r\n', 'SUMMARY:Møde\n'), 'REQUEST').broken).toContain(
      'a line break that is not CRLF',
    );
    expect(checkIcs(good.replace('SUMMARY:Møde', `SUMMARY:${'æ'.repeat(40)}`), 'REQUEST').broken).toEqual([
      'line 19 longer than 75 octets',
    ]);
    expect(checkIcs(good.replace(/TZID:Europe\/Copenhagen/, 'TZID:Europe/Oslo'), 'REQUEST').broken).toContain(
      'no VTIMEZONE for TZID Europe/Copenhagen',
    );
  });
});

describe('what the mail says', () => {
  it('names who invites, why, the organiser with phone and e-mail, and how; never who the citizen is', async () => {
    const sw = await createStaff(t);
    await t.app.get(DataSource).query(`UPDATE staff SET phone = '72 10 99 99' WHERE id = $1`, [sw.id]);
    const { citizen, kase } = await createCase(t, sw.cookie, sw.id, 0.01);
    const stamp = `${Date.now()}-${(daySeq += 1)}`;
    const doctorEmail = `laege-tekst-${stamp}@example.dk`;
    const citizenEmail = `borger-tekst-${stamp}@example.dk`;
    await t.app.get(DataSource).query(`UPDATE citizen SET email = $2 WHERE id = $1`, [citizen.id, citizenEmail]);
    await sw.api.meetings.create({
      caseId: kase.id,
      ...time(),
      videoUrl: 'https://video.example.dk/rum/abc',
      participants: [{ kind: 'doctor', name: 'Læge Hansen', email: doctorEmail }, { kind: 'citizen' }],
    });
    const [toDoctor] = await mailsTo(doctorEmail, 1);
    const [toCitizen] = await mailsTo(citizenEmail, 1);
    const doctorText = textOf(toDoctor);
    for (const line of [
      'Kære Læge Hansen',
      // The unit (UNIT_NAME) and the municipality of the case's team.
      'Tværfaglig enhed i Testkommune inviterer dig til et rundbordsmøde.',
      'helbred og arbejdsevne',
      'helbredsudtalelse, som erstatter en lægeattest',
      `Mødeleder: ${sw.name}`,
      'Telefon: 72 10 99 99',
      `E-mail: ${sw.email}`,
      'Form: Videomøde',
      'Video: https://video.example.dk/rum/abc',
    ]) {
      expect(doctorText).toContain(line);
    }
    const citizenText = textOf(toCitizen);
    expect(citizenText).toContain('dit helbred');
    // The citizen's own link, as every participant without an account gets.
    expect(citizenText).toMatch(/\/m\/[A-Za-z0-9_-]{43}/);
    // Ordinary e-mail is not encrypted: no name, CPR or birth date of the citizen in any mail, text or HTML.
    const birth = citizen.cpr.slice(0, 6);
    for (const mail of [toDoctor, toCitizen, ...(await mailsTo(sw.email, 1))]) {
      for (const body of [textOf(mail), htmlOf(mail), ...icsParts(mail)]) {
        expect(body).not.toContain(citizen.name);
        expect(body).not.toContain(birth);
      }
      // The HTML part says what the text part says, line by line.
      const html = htmlOf(mail)
        .replace(/<\/p>/g, '\n')
        .replace(/<[^>]+>/g, '')
        .replace(/&nbsp;/g, '')
        .replace(/&amp;/g, '&')
        .trim();
      expect(html).toBe(textOf(mail).replace(/\r\n/g, '\n').trim());
    }
  });
});

/** A new caseworker's meeting on `app`, whose invitation to them is the one mail kept in their outbox. */
async function keptInvitation(app: TestApp) {
  const sw = await createStaff(app);
  const { m } = await meetingWithDoctor(app, sw);
  const items = await eventually('a mail in the outbox', async () => {
    const { items: kept } = await sw.api.outbox();
    return kept.length ? kept : undefined;
  });
  expect(items).toEqual([expect.objectContaining({ meetingId: m.id, recipient: sw.email })]);
  return { sw, items };
}

describe('with SMTP_URL', () => {
  it('the outbox is not active: mails are sent, none kept', async () => {
    const sw = await createStaff(t);
    expect(await sw.api.outbox()).toEqual({ active: false, items: [] });
  });
});

describe('without SMTP_URL', () => {
  it('mails land in the outbox, where staff read those addressed to them', async () => {
    // The SMTP app's workers stop meanwhile: every app takes jobs from the one queue.
    await t.close();
    const demo = await startTestApp({ JOB_WORKERS: 'true' });
    try {
      const { sw, items } = await keptInvitation(demo);
      expect(await sw.api.outbox()).toMatchObject({ active: true });
      expect(parseIcs(items[0].ics!).method).toBe('REQUEST');
    } finally {
      await demo.close();
      t = await startTestApp(withSmtp());
    }
  });
});

describe('a mail keeps the way it was queued', () => {
  it('goes to the outbox when queued without SMTP, even if a process with SMTP takes the job', async () => {
    // Only `t` (SMTP, workers on) works the queue here: the job queued by `plain` is sent by `t`.
    const plain = await startTestApp({ JOB_WORKERS: 'false' });
    try {
      const { sw } = await keptInvitation(plain);
      expect(smtp.inbox.filter((x) => x.to.includes(sw.email))).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});

describe('reminders', () => {
  it('a meeting 24 h + 1 min ahead gets a reminder job due a day before its start', async () => {
    const sw = await createStaff(t);
    const when = aDayAndAMinuteAhead();
    const { m } = await meetingWithDoctor(t, sw, when);
    // Queued in the change's own transaction: there when the change is answered.
    const job = await t.app.get(JobQueue).job(Queues.reminder, reminderKey(m.id, 1));
    expect(job?.state).toBe('created');
    expect(Math.abs(new Date(job!.startAfter).getTime() - (Date.parse(when.start) - 24 * 3600_000))).toBeLessThan(2000);
    // A new place makes a new version, with its own reminder (the old one finds its sequence stale).
    await sw.api.meetings.update(m.id, { location: 'Et andet lokale' });
    expect((await t.app.get(JobQueue).job(Queues.reminder, reminderKey(m.id, 2)))?.state).toBe('created');
  });

  it('survives a restart and is sent once, with two API processes running', async () => {
    const first = await startTestApp(withSmtp());
    const sw = await createStaff(first);
    const { m, doctorEmail } = await meetingWithDoctor(first, sw, aDayAndAMinuteAhead());
    await mailsTo(doctorEmail, 1);
    await first.close();
    // A day passes: the job is due now.
    const ds = t.app.get(DataSource);
    await ds.query(`UPDATE pgboss.job SET start_after = now() WHERE name = $1 AND data->>'meetingId' = $2`, [
      Queues.reminder,
      m.id,
    ]);
    const a = await startTestApp(withSmtp());
    const b = await startTestApp(withSmtp());
    try {
      await mailsTo(doctorEmail, 2);
      await meetingJobsSettled(ds, m.id);
      const reminders = smtp.inbox.filter(
        (x) => x.to.includes(doctorEmail) && /Påmindelse|P=C3=A5mindelse/.test(x.raw),
      );
      expect(reminders).toHaveLength(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("a moved meeting's old reminder sends nothing", async () => {
    const sw = await createStaff(t);
    const { m, doctorEmail } = await meetingWithDoctor(t, sw, aDayAndAMinuteAhead());
    await mailsTo(doctorEmail, 1);
    await sw.api.meetings.update(m.id, time());
    await mailsTo(doctorEmail, 2);
    const ds = t.app.get(DataSource);
    // The first version's reminder comes due; the meeting has moved since.
    await ds.query(
      `UPDATE pgboss.job SET start_after = now() WHERE name = $1 AND data->>'meetingId' = $2 AND (data->>'sequence')::int = 1`,
      [Queues.reminder, m.id],
    );
    await meetingJobsSettled(ds, m.id);
    expect(smtp.inbox.filter((x) => x.to.includes(doctorEmail))).toHaveLength(2);
  });
});
