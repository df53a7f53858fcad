import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { TIME_ZONE } from '@tvaers/domain';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { MailReason } from '../meetings/meeting-mail-jobs';
import type { MailMeeting, MailParticipant } from '../meetings/meeting-mail.service';

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
  /** The iCalendar object (METHOD REQUEST or CANCEL); none for proposed times or a reminder. */
  ics: { method: 'REQUEST' | 'CANCEL'; content: string } | null;
}

const local = (d: Date) => DateTime.fromJSDate(d, { zone: TIME_ZONE }).setLocale('da');
/** "tirsdag d. 1. december 2026 kl. 10.00–11.00" in Danish time, whatever the server's zone. */
export function danishTime(start: Date, end: Date): string {
  const s = local(start);
  const e = local(end);
  const day = s.toFormat("cccc 'd.' d. LLLL yyyy");
  return s.hasSame(e, 'day')
    ? `${day} kl. ${s.toFormat('HH.mm')}–${e.toFormat('HH.mm')}`
    : `${day} kl. ${s.toFormat('HH.mm')} til ${e.toFormat("cccc 'd.' d. LLLL yyyy 'kl.' HH.mm")}`;
}

/** The UID all of a meeting's invitations share, so calendars update one event. */
export const meetingUid = (meetingId: string) => `meeting-${meetingId}@tvaers`;

/** An instant as RFC 5545 writes it in UTC: `20261206T015126Z`. */
const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * The meeting as an iCalendar object. Times carry `TZID=Europe/Copenhagen` with its VTIMEZONE; DTSTAMP must be
 * UTC (RFC 5545 3.8.7.2), but ical-generator writes it in the calendar's time zone (and from the server's local
 * clock fields), so the one DTSTAMP line is rewritten with the same instant in UTC. The citizen is never an
 * attendee: the file goes to every participant, and the citizen's name and address are theirs alone.
 */
export function meetingIcs(m: MailMeeting, method: 'REQUEST' | 'CANCEL', stamp = new Date()): string {
  const cal = ical({
    prodId: { company: 'Tvaers', product: 'Tvaers', language: 'DA' },
    method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: { name: TIME_ZONE, generator: getVtimezoneComponent },
  });
  cal.createEvent({
    id: meetingUid(m.id),
    sequence: m.sequence,
    start: local(m.startAt!),
    end: local(m.endAt!),
    timezone: TIME_ZONE,
    stamp,
    summary: m.title,
    location: m.location ?? (m.videoUrl ? 'Videomøde' : null),
    url: m.videoUrl,
    status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: m.organizer.name, email: m.organizer.email },
    attendees: m.participants
      .filter((p) => p.email && p.kind !== 'citizen')
      .map((p) => ({
        name: p.name,
        email: p.email!,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: p.kind === 'staff',
      })),
  });
  const text = cal.toString();
  const stampLine = /^DTSTAMP:[^\r\n]*/gm;
  if ((text.match(stampLine) ?? []).length !== 1) throw new Error('expected one DTSTAMP in the iCalendar object');
  // Every content line ends with CRLF (RFC 5545 3.1), the last one too, which ical-generator leaves off.
  return text.replace(stampLine, `DTSTAMP:${utcStamp(stamp)}`).replace(/(\r\n)?$/, '\r\n');
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const SUBJECT: Record<MailReason, string> = {
  scheduled: 'Invitation',
  proposed: 'Vælg et tidspunkt',
  moved: 'Mødet er flyttet',
  changed: 'Mødet er ændret',
  cancelled: 'Mødet er aflyst',
  reminder: 'Påmindelse',
  held: 'Referat',
  link: 'Nyt link',
};

/** The mail's first line; an invitation names who invites (municipality and unit). */
const INTRO: Record<MailReason, (sender: MailMeeting['sender']) => string> = {
  scheduled: (s) => `${s.unit} i ${s.municipality} inviterer dig til et rundbordsmøde.`,
  proposed: (s) =>
    `${s.unit} i ${s.municipality} inviterer dig til et rundbordsmøde. Vælg venligst et af de foreslåede tidspunkter.`,
  moved: () => 'Mødet er flyttet til et nyt tidspunkt.',
  changed: () => 'Mødets titel, sted eller videolink er ændret. Tidspunktet er det samme.',
  cancelled: () => 'Mødet er aflyst.',
  reminder: () => 'Påmindelse: mødet er i morgen.',
  held: () => 'Mødet er afholdt. Her er resuméet og beslutningerne.',
  link: () => 'Du har fået et nyt link til mødet. Det gamle link virker ikke længere.',
};

/**
 * Why the meeting is held, in the words each participant needs. Ordinary e-mail is not encrypted, so no mail
 * says who the citizen is (name, CPR, birth date): the doctor sees that on the link's page.
 */
const PURPOSE: Record<MailParticipant['kind'], string[]> = {
  doctor: [
    'Mødet handler om en af dine patienters helbred og arbejdsevne.',
    'Vi beder dig om en helbredsudtalelse, som erstatter en lægeattest. Du kan skrive den via linket.',
    'Almindelig e-mail er ikke krypteret, så mailen nævner ikke, hvem patienten er. Det ser du, når du åbner linket.',
  ],
  citizen: [
    'Vi skal tale om dit helbred, dit arbejde og hvad der kan hjælpe dig videre.',
    'Du må gerne tage en bisidder med.',
  ],
  guest: ['Mødet handler om en borgers vej videre mod arbejde eller uddannelse. Du er inviteret med.'],
  staff: ['Rundbordsmøde om en borgers helbred og arbejdsevne.'],
};

/** In person, on video, or both, as the meeting is set up. */
function form(m: MailMeeting): string[] {
  if (m.location && m.videoUrl) return ['Form: Fremmøde eller video', `Sted: ${m.location}`, `Video: ${m.videoUrl}`];
  if (m.videoUrl) return ['Form: Videomøde', `Video: ${m.videoUrl}`];
  if (m.location) return ['Form: Fremmøde', `Sted: ${m.location}`];
  return [];
}

/**
 * The outcome as every participant gets it: time, who took part, the summary and the decisions' own words. Nothing
 * from the plan (which efforts changed) is added, since a doctor or the citizen's companion may not see all of it;
 * the citizen is named "Borgeren", not by name.
 */
function outcomeLines(m: MailMeeting): string[] {
  const lines: string[] = [];
  if (m.startAt && m.endAt) lines.push(`Tidspunkt: ${danishTime(m.startAt, m.endAt)} (dansk tid)`);
  const names = m.participants.map((p) => (p.kind === 'citizen' ? 'Borgeren' : p.name));
  lines.push(`Deltagere: ${names.join(', ')}`, '', 'Resumé:', m.outcome?.summary ?? '');
  const decisions = m.outcome?.decisions ?? [];
  if (decisions.length) {
    lines.push('', 'Beslutninger:');
    decisions.forEach((d, i) => lines.push(`  ${i + 1}. ${d}`));
  }
  return lines;
}

/** The Danish mail to one participant; `link` is the participant's own guest link (non-staff only). */
export function composeMail(
  m: MailMeeting,
  to: MailParticipant,
  reason: MailReason,
  link: string | null,
): ComposedMail {
  const { municipality, unit } = m.sender;
  const lines: string[] = [to.kind === 'citizen' ? 'Hej' : `Kære ${to.name}`, '', INTRO[reason](m.sender)];
  if (reason === 'scheduled' || reason === 'proposed') lines.push('', ...PURPOSE[to.kind]);
  lines.push('', `Møde: ${m.title}`);
  if (reason === 'held') {
    lines.push(...outcomeLines(m));
  } else if (reason === 'proposed' || ((reason === 'changed' || reason === 'link') && !m.startAt)) {
    lines.push('Foreslåede tidspunkter (dansk tid):');
    for (const p of m.proposals) lines.push(`  - ${danishTime(p.startAt, p.endAt)}`);
  } else if (m.startAt && m.endAt) {
    lines.push(`Tidspunkt: ${danishTime(m.startAt, m.endAt)} (dansk tid)`);
  }
  if (reason !== 'cancelled' && reason !== 'held') lines.push(...form(m));
  lines.push('', `Mødeleder: ${m.organizer.name}`);
  if (m.organizer.phone) lines.push(`Telefon: ${m.organizer.phone}`);
  lines.push(`E-mail: ${m.organizer.email}`);
  if (link && reason !== 'cancelled') {
    lines.push(
      '',
      reason === 'proposed' ? 'Vælg tidspunkt og se mødet her:' : 'Se mødet og svar på invitationen her:',
      link,
      'Linket er personligt: send det ikke videre.',
    );
  }
  lines.push('', 'Venlig hilsen', unit, municipality);
  const text = lines.join('\n');
  const html = `<!doctype html><html lang="da"><body>${lines
    .map((l) =>
      l === link ? `<p><a href="${escapeHtml(l)}">${escapeHtml(l)}</a></p>` : `<p>${escapeHtml(l) || '&nbsp;'}</p>`,
    )
    .join('')}</body></html>`;
  const when = m.startAt ? ` ${local(m.startAt).toFormat('d. LLL yyyy HH.mm')}` : '';
  const subject = `${SUBJECT[reason]}: ${m.title}${reason === 'proposed' ? '' : when}`;
  const ics =
    (reason === 'scheduled' || reason === 'moved' || reason === 'changed') && m.startAt
      ? { method: 'REQUEST' as const, content: meetingIcs(m, 'REQUEST') }
      : reason === 'cancelled' && m.startAt
        ? { method: 'CANCEL' as const, content: meetingIcs(m, 'CANCEL') }
        : null;
  return { subject, text, html, ics };
}
