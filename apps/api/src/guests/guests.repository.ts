import { Injectable } from '@nestjs/common';
import type { ParticipantKind } from '@tvaers/contracts';
import { TransactionalRepository } from '../common/database/transactional-repository';
import { GuestLinkEntity } from './guest-link.entity';
import { HealthStatementEntity } from './health-statement.entity';
import { OwnAssessmentEntity } from './own-assessment.entity';

/** A link's end: 7 days after the meeting, or after its last proposal while it is still proposed. */
const LINK_END = `(COALESCE(CASE WHEN m.status = 'proposed'
    THEN (SELECT max(pr.end_at) FROM meeting_proposal pr WHERE pr.meeting_id = m.id) END, m.end_at) + interval '7 days')`;

/** What a valid link opens: one participant of one meeting, and whose case that is. */
export interface LinkHolder {
  participantId: string;
  kind: Exclude<ParticipantKind, 'staff'>;
  name: string;
  /** Where a one-time code goes (GUEST_EMAIL_CODE); citizens have none stored. */
  email: string | null;
  response: 'pending' | 'accepted' | 'declined';
  /** Another guest's notes share (meeting_participant.notes_shared). */
  notesShared: boolean;
  meetingId: string;
  caseId: string;
  citizenId: string;
  /** The citizen's consent `plan_excerpt_to_doctor`. */
  excerptConsent: boolean;
}

@Injectable()
export class GuestsRepository extends TransactionalRepository {
  private readonly links = this.repository(GuestLinkEntity);
  private readonly statements = this.repository(HealthStatementEntity);
  private readonly assessments = this.repository(OwnAssessmentEntity);

  /** The holder of the link with this token hash, unless it is unknown, revoked or past its end. */
  async resolve(tokenHash: Buffer, now: Date): Promise<LinkHolder | null> {
    const rows: Record<string, unknown>[] = await this.em.query(
      `SELECT p.id AS participant_id, p.kind, p.name, p.email, p.response, p.notes_shared, m.id AS meeting_id, m.case_id, k.citizen_id,
              EXISTS (SELECT 1 FROM consent c WHERE c.citizen_id = k.citizen_id
                       AND c.scope = 'plan_excerpt_to_doctor' AND c.given) AS excerpt_consent
         FROM guest_link l
         JOIN meeting_participant p ON p.id = l.participant_id
         JOIN meeting m ON m.id = p.meeting_id
         JOIN "case" k ON k.id = m.case_id
        WHERE l.token_hash = $1 AND p.kind <> 'staff' AND ${LINK_END} > $2`,
      [tokenHash, now],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      participantId: r.participant_id as string,
      kind: r.kind as LinkHolder['kind'],
      name: r.name as string,
      email: r.email as string | null,
      response: r.response as LinkHolder['response'],
      notesShared: r.notes_shared as boolean,
      meetingId: r.meeting_id as string,
      caseId: r.case_id as string,
      citizenId: r.citizen_id as string,
      excerptConsent: r.excerpt_consent as boolean,
    };
  }

  /** Of these participants, those whose link still opens something now (not revoked, not past its end). */
  async liveLinks(participantIds: string[], now: Date): Promise<string[]> {
    const rows: { participant_id: string }[] = await this.em.query(
      `SELECT l.participant_id
         FROM guest_link l
         JOIN meeting_participant p ON p.id = l.participant_id
         JOIN meeting m ON m.id = p.meeting_id
        WHERE l.participant_id = ANY($1::uuid[]) AND ${LINK_END} > $2`,
      [participantIds, now],
    );
    return rows.map((r) => r.participant_id);
  }

  /** A participant of the meeting, with the meeting's status and when a link issued now would end. */
  async participant(
    meetingId: string,
    participantId: string,
  ): Promise<{ kind: ParticipantKind; status: string; linkEnd: Date | null } | null> {
    const rows: { kind: ParticipantKind; status: string; link_end: Date | null }[] = await this.em.query(
      `SELECT p.kind, m.status, ${LINK_END} AS link_end
         FROM meeting_participant p JOIN meeting m ON m.id = p.meeting_id
        WHERE p.id = $1 AND m.id = $2`,
      [participantId, meetingId],
    );
    const r = rows[0];
    return r ? { kind: r.kind, status: r.status, linkEnd: r.link_end } : null;
  }

  /** The participant's one link, replacing any earlier one. */
  async replaceLink(participantId: string, tokenHash: Buffer, createdBy: string): Promise<void> {
    await this.em.query(
      `INSERT INTO guest_link (participant_id, token_hash, created_by) VALUES ($1, $2, $3)
       ON CONFLICT (participant_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_by = EXCLUDED.created_by, created_at = now()`,
      [participantId, tokenHash, createdBy],
    );
  }

  async deleteLink(participantId: string): Promise<boolean> {
    const res = await this.links().delete({ participantId });
    return (res.affected ?? 0) > 0;
  }

  /** Locks the meeting for a choice; its status, or null if it is gone. */
  async setResponse(participantId: string, response: 'accepted' | 'declined'): Promise<void> {
    await this.em.query(`UPDATE meeting_participant SET response = $2 WHERE id = $1`, [participantId, response]);
  }

  addStatement(s: Partial<HealthStatementEntity>): Promise<HealthStatementEntity> {
    return this.statements().save(this.statements().create(s));
  }

  addAssessment(a: Partial<OwnAssessmentEntity>): Promise<OwnAssessmentEntity> {
    return this.assessments().save(this.assessments().create(a));
  }

  statementsOf(caseId: string): Promise<HealthStatementEntity[]> {
    return this.statements().find({ where: { caseId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  assessmentsOf(caseId: string): Promise<OwnAssessmentEntity[]> {
    return this.assessments().find({ where: { caseId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  latestAssessment(meetingId: string): Promise<OwnAssessmentEntity | null> {
    return this.assessments().findOne({ where: { meetingId }, order: { createdAt: 'DESC' } });
  }
}
