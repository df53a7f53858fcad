import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { TIME_ZONE } from '@tvaers/domain';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { MailMeeting, MailParticipant } from '../meetings/meetings.service';

/** What a mail is about: a meeting's change (the domain events) or the reminder a day before. */
/** `link`: staff replaced the participant's link ("Nyt link"); the mail carries the new one. */
export type MailReason = 'scheduled' | 'proposed' | 'moved' | 'cancelled' | 'reminder' | 'held' | 'link';

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

export function meetingIcs(m: MailMeeting, method: 'REQUEST' | 'CANCEL'): string {
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
    stamp: new Date(),
    summary: m.title,
    location: m.location ?? (m.videoUrl ? 'Videomøde' : null),
    url: m.videoUrl,
    status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: m.organizer.name, email: m.organizer.email },
    attendees: m.participants
      .filter((p) => p.email)
      .map((p) => ({
        name: p.name,
        email: p.email!,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: p.kind !== 'staff' ? false : true,
      })),
  });
  return cal.toString();
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const SUBJECT: Record<MailReason, string> = {
  scheduled: 'Invitation',
  proposed: 'Vælg et tidspunkt',
  moved: 'Mødet er flyttet',
  cancelled: 'Mødet er aflyst',
  reminder: 'Påmindelse',
  held: 'Referat',
  link: 'Nyt link',
};

const INTRO: Record<MailReason, string> = {
  scheduled: 'Du er inviteret til et møde.',
  proposed: 'Du er inviteret til et møde. Vælg venligst et af de foreslåede tidspunkter.',
  moved: 'Mødet er flyttet til et nyt tidspunkt.',
  cancelled: 'Mødet er aflyst.',
  reminder: 'Påmindelse: mødet er i morgen.',
  held: 'Mødet er afholdt. Her er resuméet og beslutningerne.',
  link: 'Du har fået et nyt link til mødet. Det gamle link virker ikke længere.',
};

/**
 * The outcome as every participant gets it: time, who took part, the summary and the decisions' own words. Nothing
 * from the plan (which efforts changed) is added, since a doctor or the citizen's companion may not see all of it.
 */
function outcomeLines(m: MailMeeting): string[] {
  const lines: string[] = [];
  if (m.startAt && m.endAt) lines.push(`Tidspunkt: ${danishTime(m.startAt, m.endAt)} (dansk tid)`);
  lines.push(`Deltagere: ${m.participants.map((p) => p.name).join(', ')}`, '', 'Resumé:', m.outcome?.summary ?? '');
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
  const lines: string[] = [`Kære ${to.name}`, '', INTRO[reason], '', `Møde: ${m.title}`];
  if (reason === 'held') {
    lines.push(...outcomeLines(m));
  } else if (reason === 'proposed' || (reason === 'link' && m.status === 'proposed')) {
    lines.push('Foreslåede tidspunkter (dansk tid):');
    for (const p of m.proposals) lines.push(`  - ${danishTime(p.startAt, p.endAt)}`);
  } else if (m.startAt && m.endAt) {
    lines.push(`Tidspunkt: ${danishTime(m.startAt, m.endAt)} (dansk tid)`);
  }
  if (reason !== 'cancelled' && reason !== 'held') {
    if (m.location) lines.push(`Sted: ${m.location}`);
    if (m.videoUrl) lines.push(`Video: ${m.videoUrl}`);
  }
  lines.push(`Mødeleder: ${m.organizer.name}`);
  if (link && reason !== 'cancelled') {
    lines.push(
      '',
      reason === 'proposed' ? 'Vælg tidspunkt og se mødet her:' : 'Se mødet og svar på invitationen her:',
      link,
      'Linket er personligt: send det ikke videre.',
    );
  }
  lines.push('', 'Venlig hilsen', 'Tværs');
  const text = lines.join('\n');
  const html = `<!doctype html><html lang="da"><body>${lines
    .map((l) =>
      l === link ? `<p><a href="${escapeHtml(l)}">${escapeHtml(l)}</a></p>` : `<p>${escapeHtml(l) || '&nbsp;'}</p>`,
    )
    .join('')}</body></html>`;
  const when = m.startAt ? ` ${local(m.startAt).toFormat('d. LLL yyyy HH.mm')}` : '';
  const subject = `${SUBJECT[reason]}: ${m.title}${reason === 'proposed' ? '' : when}`;
  const ics =
    reason === 'scheduled' || reason === 'moved'
      ? { method: 'REQUEST' as const, content: meetingIcs(m, 'REQUEST') }
      : reason === 'cancelled' && m.startAt
        ? { method: 'CANCEL' as const, content: meetingIcs(m, 'CANCEL') }
        : null;
  return { subject, text, html, ics };
}
