import { Injectable } from '@nestjs/common';
import type { MeetingStatus, ParticipantKind } from '@tvaers/contracts';
import { TransactionalRepository } from '../common/database/transactional-repository';
import { OutboxMailEntity } from './outbox.entity';

export interface MailParticipant {
  id: string;
  kind: ParticipantKind;
  name: string;
  staffId: string | null;
  /** The staff member's work e-mail, or the doctor's or guest's as entered; citizens have none stored. */
  email: string | null;
}

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
  organizer: { name: string; email: string };
  participants: MailParticipant[];
  proposals: { startAt: Date; endAt: Date }[];
  /** A held meeting's summary and its decisions' text (the outcome mail carries these only). */
  outcome: { summary: string; decisions: string[] } | null;
}

/** Reads what a meeting's mail needs (times, place, who with which address) and keeps the outbox. */
@Injectable()
export class InvitationsRepository extends TransactionalRepository {
  private readonly outbox = this.repository(OutboxMailEntity);

  /** Raises the meeting's iCalendar SEQUENCE; the new value, or null when the meeting is gone. */
  async nextSequence(meetingId: string): Promise<number | null> {
    const rows: { sequence: number }[][] | { sequence: number }[] = await this.em.query(
      `UPDATE meeting SET sequence = sequence + 1 WHERE id = $1 RETURNING sequence`,
      [meetingId],
    );
    const list = (Array.isArray(rows[0]) ? rows[0] : rows) as { sequence: number }[];
    return list[0]?.sequence ?? null;
  }

  async meeting(meetingId: string): Promise<MailMeeting | null> {
    const [m]: {
      id: string;
      title: string;
      status: MeetingStatus;
      start_at: Date | null;
      end_at: Date | null;
      location: string | null;
      video_url: string | null;
      sequence: number;
      created_by: string;
      organizer_name: string;
      organizer_email: string;
      summary: string | null;
      decisions: string[] | null;
    }[] = await this.em.query(
      `SELECT m.id, m.title, m.status, m.start_at, m.end_at, m.location, m.video_url, m.sequence, m.created_by,
              s.name AS organizer_name, s.email AS organizer_email, m.summary,
              (SELECT array_agg(d.text ORDER BY d.position) FROM meeting_decision d WHERE d.meeting_id = m.id) AS decisions
         FROM meeting m JOIN staff s ON s.id = m.created_by
        WHERE m.id = $1`,
      [meetingId],
    );
    if (!m) return null;
    const participants: {
      id: string;
      kind: ParticipantKind;
      name: string;
      staff_id: string | null;
      email: string | null;
    }[] = await this.em.query(
      `SELECT p.id, p.kind, p.name, p.staff_id, CASE WHEN p.kind = 'staff' THEN s.email ELSE p.email END AS email
           FROM meeting_participant p LEFT JOIN staff s ON s.id = p.staff_id
          WHERE p.meeting_id = $1 ORDER BY p.kind, p.name, p.id`,
      [meetingId],
    );
    const proposals: { start_at: Date; end_at: Date }[] = await this.em.query(
      `SELECT start_at, end_at FROM meeting_proposal WHERE meeting_id = $1 ORDER BY start_at`,
      [meetingId],
    );
    return {
      id: m.id,
      title: m.title,
      status: m.status,
      startAt: m.start_at,
      endAt: m.end_at,
      location: m.location,
      videoUrl: m.video_url,
      sequence: m.sequence,
      createdBy: m.created_by,
      organizer: { name: m.organizer_name, email: m.organizer_email },
      participants: participants.map((p) => ({
        id: p.id,
        kind: p.kind,
        name: p.name,
        staffId: p.staff_id,
        email: p.email,
      })),
      proposals: proposals.map((p) => ({ startAt: p.start_at, endAt: p.end_at })),
      outcome: m.summary !== null ? { summary: m.summary, decisions: m.decisions ?? [] } : null,
    };
  }

  async keep(mail: Omit<OutboxMailEntity, 'id' | 'createdAt' | 'meeting'>): Promise<void> {
    await this.outbox().insert(mail);
  }

  /** The mails kept for one staff member, newest first. */
  addressedTo(staffId: string, limit = 100): Promise<OutboxMailEntity[]> {
    return this.outbox().find({ where: { staffId }, order: { createdAt: 'DESC' }, take: limit });
  }
}
