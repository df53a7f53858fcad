import { Inject, Injectable } from '@nestjs/common';
import type { MeetingStatus, ParticipantKind } from '@tvaers/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { type MeetingChange, MeetingMailJobs } from './meeting-mail-jobs';
import { MeetingsRepository, type MeetingRow } from './meetings.repository';

/** A participant as a mail about the meeting addresses them. */
export interface MailParticipant {
  id: string;
  kind: ParticipantKind;
  name: string;
  staffId: string | null;
  /**
   * The staff member's work e-mail, the doctor's or guest's as entered, the citizen's own from the citizen
   * record (a citizen participant stores none of its own).
   */
  email: string | null;
}

/** What a meeting's mails need: times, place, iCalendar SEQUENCE, organiser and who with which address. */
export interface MailMeeting {
  id: string;
  title: string;
  status: MeetingStatus;
  startAt: Date | null;
  endAt: Date | null;
  location: string | null;
  videoUrl: string | null;
  sequence: number;
  createdBy: string;
  organizer: { name: string; email: string; phone: string | null };
  /** Who invites: the case team's municipality and the unit (UNIT_NAME). */
  sender: { municipality: string; unit: string };
  participants: MailParticipant[];
  proposals: { startAt: Date; endAt: Date }[];
  /** A held meeting's summary and its decisions' text (the outcome mail carries these only). */
  outcome: { summary: string; decisions: string[] } | null;
}

const byKindAndName = (a: MailParticipant, b: MailParticipant) =>
  a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/** A meeting as its mails see it, and the mails a change of it queues. */
@Injectable()
export class MeetingMailService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly mail: MeetingMailJobs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** In the change's transaction: a new iCalendar SEQUENCE, and the mails of that version. */
  async queueChange(meetingId: string, change: MeetingChange): Promise<void> {
    await this.meetings.raiseSequence(meetingId);
    const m = await this.forMail(meetingId);
    if (m) await this.mail.queue(m, change);
  }

  /**
   * Queues the mail of a participant's new link ("Nyt link") in the caller's transaction (the link's change);
   * false when the participant has no address.
   */
  async mailNewLink(meetingId: string, participantId: string, linkId: string): Promise<boolean> {
    const m = await this.forMail(meetingId);
    return m ? this.mail.queueLink(m, participantId, linkId) : false;
  }

  /**
   * The meeting as its mails need it, without an access check or access-log row: for invitations, sent
   * because of a change that was itself checked and logged.
   */
  async forMail(id: string): Promise<MailMeeting | null> {
    const m = await this.meetings.findById(id);
    if (!m) return null;
    const staffIds = m.participants.flatMap((p) => (p.staffId ? [p.staffId] : []));
    const staff = await this.meetings.staffContacts([m.createdBy, ...staffIds]);
    const organizer = staff.get(m.createdBy);
    if (!organizer) return null;
    const citizenEmail = m.participants.some((p) => p.kind === 'citizen')
      ? await this.meetings.citizenEmail(m.citizenId)
      : null;
    const emailOf = (p: MeetingRow['participants'][number]) =>
      p.kind === 'staff' ? (staff.get(p.staffId ?? '')?.email ?? null) : p.kind === 'citizen' ? citizenEmail : p.email;
    return {
      id: m.id,
      title: m.title,
      status: m.status,
      startAt: m.startAt,
      endAt: m.endAt,
      location: m.location,
      videoUrl: m.videoUrl,
      sequence: m.sequence,
      createdBy: m.createdBy,
      organizer,
      sender: { municipality: await this.meetings.municipalityOf(m.caseId), unit: this.config.unitName },
      participants: m.participants
        .map((p) => ({
          id: p.id,
          kind: p.kind,
          name: p.name,
          staffId: p.staffId,
          email: emailOf(p),
        }))
        .sort(byKindAndName),
      proposals: m.proposals.map((p) => ({ startAt: p.startAt, endAt: p.endAt })),
      outcome:
        m.summary === null
          ? null
          : { summary: m.summary, decisions: (await this.meetings.findDecisions(m.id)).map((d) => d.text) },
    };
  }
}
