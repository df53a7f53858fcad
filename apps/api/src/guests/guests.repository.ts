import { Injectable } from '@nestjs/common';
import type { Discipline, ParticipantKind, Role } from '@tvaers/contracts';
import type { LinkCopier } from '../common/auth/actor';
import { TransactionalRepository } from '../common/database/transactional-repository';
import { GuestLinkEntity } from './guest-link.entity';
import { HealthStatementEntity } from './health-statement.entity';
import { OwnAssessmentEntity } from './own-assessment.entity';
import { CASES_OF_CITIZENS, REDACTED } from '../citizens/anonymised';

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
  /** The staff member the link's URL was shown to (an active one, as their view is now), or null. */
  copiedBy: LinkCopier | null;
}

/** Who made a link: a staff member (POST …/link, shown to them) or Tværs for an invitation mail. */
export interface LinkIssuer {
  kind: 'staff' | 'system';
  /** The staff member, or for a mail the meeting's organiser on whose behalf it went. */
  id: string;
  name: string;
  /** Whether the link's URL is shown to this staff member. */
  copied: boolean;
}

@Injectable()
export class GuestsRepository extends TransactionalRepository {
  private readonly links = this.repository(GuestLinkEntity);
  private readonly statements = this.repository(HealthStatementEntity);
  private readonly assessments = this.repository(OwnAssessmentEntity);

  /** The holder of the link with this token hash, unless it is unknown, revoked or past its end. */
  async resolve(tokenHash: Buffer, now: Date): Promise<LinkHolder | null> {
    const rows: Record<string, unknown>[] = await this.em.query(
      // The citizen's address is the citizen record's (a citizen participant stores none): where their mails go.
      `SELECT p.id AS participant_id, p.kind, p.name, p.response, p.notes_shared, m.id AS meeting_id, m.case_id, k.citizen_id,
              CASE WHEN p.kind = 'citizen' THEN (SELECT z.email FROM citizen z WHERE z.id = k.citizen_id) ELSE p.email END AS email,
              EXISTS (SELECT 1 FROM consent c WHERE c.citizen_id = k.citizen_id
                       AND c.scope = 'plan_excerpt_to_doctor' AND c.given) AS excerpt_consent,
              l.copied_by, COALESCE(cs.name, l.copied_by_name) AS copied_by_name,
              COALESCE(cs.roles, ARRAY[]::text[]) AS copier_roles, cs.discipline AS copier_discipline
         FROM guest_link l
         LEFT JOIN staff cs ON cs.id = l.copied_by AND cs.active
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
      // A copier no longer active sees nothing: their name stays, with no role that would widen the view.
      copiedBy: r.copied_by
        ? {
            id: r.copied_by as string,
            name: r.copied_by_name as string,
            roles: r.copier_roles as Role[],
            discipline: (r.copier_discipline as Discipline | null) ?? 'employment',
          }
        : null,
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
  ): Promise<{ kind: ParticipantKind; status: string; linkEnd: Date | null; email: string | null } | null> {
    const rows: { kind: ParticipantKind; status: string; link_end: Date | null; email: string | null }[] =
      await this.em.query(
        `SELECT p.kind, m.status, p.email, ${LINK_END} AS link_end
         FROM meeting_participant p JOIN meeting m ON m.id = p.meeting_id
        WHERE p.id = $1 AND m.id = $2`,
        [participantId, meetingId],
      );
    const r = rows[0];
    return r ? { kind: r.kind, status: r.status, linkEnd: r.link_end, email: r.email } : null;
  }

  /** The participant's one link, replacing any earlier one (an explicit replace). */
  async replaceLink(participantId: string, tokenHash: Buffer, sealed: Buffer, by: LinkIssuer): Promise<void> {
    await this.em.query(
      `INSERT INTO guest_link (participant_id, token_hash, token_sealed, created_by, created_by_kind, created_by_name, copied_by, copied_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (participant_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, token_sealed = EXCLUDED.token_sealed,
         created_by = EXCLUDED.created_by, created_by_kind = EXCLUDED.created_by_kind, created_by_name = EXCLUDED.created_by_name,
         copied_by = EXCLUDED.copied_by, copied_by_name = EXCLUDED.copied_by_name, created_at = now(), mailed_at = NULL`,
      [participantId, tokenHash, sealed, by.id, by.kind, by.name, by.copied ? by.id : null, by.copied ? by.name : null],
    );
  }

  /**
   * A first link for a participant who has none (or only one made before links were kept sealed): false when
   * another link is already there, which then stays (two mails sent at once carry the same link).
   */
  async addLinkIfNone(participantId: string, tokenHash: Buffer, sealed: Buffer, by: LinkIssuer): Promise<boolean> {
    const rows: unknown[] = await this.em.query(
      `INSERT INTO guest_link (participant_id, token_hash, token_sealed, created_by, created_by_kind, created_by_name)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (participant_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, token_sealed = EXCLUDED.token_sealed,
         created_by = EXCLUDED.created_by, created_by_kind = EXCLUDED.created_by_kind, created_by_name = EXCLUDED.created_by_name,
         copied_by = NULL, copied_by_name = NULL, created_at = now(), mailed_at = NULL
       WHERE guest_link.token_sealed IS NULL
       RETURNING 1`,
      [participantId, tokenHash, sealed, by.id, by.kind, by.name],
    );
    return rows.length > 0;
  }

  /** The participant's current link, sealed, or null (none, or one made before links were kept sealed). */
  async sealedLink(participantId: string): Promise<Buffer | null> {
    const rows: { token_sealed: Buffer | null }[] = await this.em.query(
      `SELECT token_sealed FROM guest_link WHERE participant_id = $1`,
      [participantId],
    );
    return rows[0]?.token_sealed ?? null;
  }

  /** A mail carrying the participant's link is being sent now. */
  async markMailed(participantId: string): Promise<void> {
    await this.em.query(`UPDATE guest_link SET mailed_at = now() WHERE participant_id = $1`, [participantId]);
  }

  async deleteLink(participantId: string): Promise<boolean> {
    const res = await this.links().delete({ participantId });
    return (res.affected ?? 0) > 0;
  }

  addStatement(s: Partial<HealthStatementEntity>): Promise<HealthStatementEntity> {
    return this.statements().save(this.statements().create(s));
  }

  addAssessment(a: Partial<OwnAssessmentEntity>): Promise<OwnAssessmentEntity> {
    return this.assessments().save(this.assessments().create(a));
  }

  /** A case's statements, newest first; only those given for `meetingId` when it is given. */
  statementsOf(caseId: string, meetingId?: string): Promise<HealthStatementEntity[]> {
    return this.statements().find({
      where: { caseId, ...(meetingId ? { meetingId } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  assessmentsOf(caseId: string, meetingId?: string): Promise<OwnAssessmentEntity[]> {
    return this.assessments().find({
      where: { caseId, ...(meetingId ? { meetingId } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  /** Marks these statements read when `staffId` is their case's responsible person (else nothing). */
  async markReadByResponsible(statementIds: string[], staffId: string): Promise<void> {
    if (!statementIds.length) return;
    await this.em.query(
      `INSERT INTO health_statement_read (statement_id, read_by_id)
       SELECT s.id, k.responsible_id FROM health_statement s JOIN "case" k ON k.id = s.case_id
        WHERE s.id = ANY($1::uuid[]) AND k.responsible_id = $2
       ON CONFLICT (statement_id) DO NOTHING`,
      [statementIds, staffId],
    );
  }

  /** Statements and assessments sent through one participant's link, newest first (shown back to its holder). */
  statementsBy(participantId: string): Promise<HealthStatementEntity[]> {
    return this.statements().find({ where: { participantId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  assessmentsBy(participantId: string): Promise<OwnAssessmentEntity[]> {
    return this.assessments().find({ where: { participantId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  latestAssessment(meetingId: string): Promise<OwnAssessmentEntity | null> {
    return this.assessments().findOne({ where: { meetingId }, order: { createdAt: 'DESC' } });
  }

  /** Retention: guest links, codes and verifications end first; doctors' statements and own assessments blanked. */
  async anonymiseCitizens(citizenIds: string[]): Promise<void> {
    const q = (sql: string) => this.em.query(sql, [citizenIds]);
    const participants = `SELECT p.id FROM meeting_participant p JOIN meeting m ON m.id = p.meeting_id
                           WHERE m.case_id IN (${CASES_OF_CITIZENS})`;
    await q(`DELETE FROM guest_link WHERE participant_id IN (${participants})`);
    await q(`DELETE FROM guest_code WHERE participant_id IN (${participants})`);
    await q(`DELETE FROM guest_verification WHERE participant_id IN (${participants})`);
    await q(
      `UPDATE health_statement SET doctor_name = '${REDACTED}', assessment = '${REDACTED}',
              recommendations = '${REDACTED}', restrictions = NULL
        WHERE case_id IN (${CASES_OF_CITIZENS})`,
    );
    await q(`UPDATE own_assessment SET text = '${REDACTED}' WHERE case_id IN (${CASES_OF_CITIZENS})`);
  }
}
