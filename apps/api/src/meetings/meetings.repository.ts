import { Injectable } from '@nestjs/common';
import type { ParticipantLinkStatus } from '@tvaers/contracts';
import { z } from 'zod';
import type { ListScope } from '../access/list-scope';
import { keysetAfter, type KeysetColumn, pageFrom } from '../common/database/keyset';
import { TransactionalRepository } from '../common/database/transactional-repository';
import { MeetingDecisionEntity } from './meeting-decision.entity';
import type { MeetingParticipantEntity } from './meeting-participant.entity';
import type { MeetingProposalEntity } from './meeting-proposal.entity';
import { MeetingEntity } from './meeting.entity';
import { CASES_OF_CITIZENS, REDACTED } from '../citizens/anonymised';

type Participant = Omit<
  MeetingParticipantEntity,
  'meeting' | 'staff' | 'meetingStatus' | 'meetingStartAt' | 'meetingEndAt'
>;

/**
 * A meeting as every read of one shows it: its columns, its participants (by kind, then name) and proposals (by
 * time), and its case's citizen and responsible person.
 */
export type MeetingRow = Omit<MeetingEntity, 'case' | 'participants' | 'proposals'> & {
  citizenId: string;
  caseResponsibleId: string | null;
  /** Each with their guest link's state (no token, no hash), null without one. */
  participants: (Participant & { link: ParticipantLinkStatus | null })[];
  proposals: Omit<MeetingProposalEntity, 'meeting'>[];
};

type MeetingReadRow = Omit<MeetingRow, 'proposals' | 'participants'> & {
  participants: (Participant & {
    link: { issuedAt: string; kind: 'staff' | 'system'; by: string; mailedAt: string | null; copied: boolean } | null;
  })[];
  proposals: { id: string; meetingId: string; startAt: string; endAt: string }[];
};

/**
 * One statement per read, participants and proposals as JSON: a calendar week is read without the ORM's join
 * rows and hydration (a meeting × its participants × its proposals), which cost more CPU than the rest of it.
 */
const MEETING_READ = `SELECT m.id, m.case_id AS "caseId", m.title, m.status, m.start_at AS "startAt", m.end_at AS "endAt",
    m.location, m.video_url AS "videoUrl", m.agenda, m.created_by AS "createdBy", m.sequence, m.summary,
    m.held_at AS "heldAt", m.held_by_id AS "heldById", m.held_by_name AS "heldByName",
    m.outcome_plan_version AS "outcomePlanVersion", m.created_at AS "createdAt", m.updated_at AS "updatedAt",
    k.citizen_id AS "citizenId", k.responsible_id AS "caseResponsibleId",
    (SELECT COALESCE(json_agg(json_build_object('id', p.id, 'meetingId', p.meeting_id, 'kind', p.kind,
              'staffId', p.staff_id, 'name', p.name, 'email', p.email, 'phone', p.phone, 'clinic', p.clinic,
              'role', p.role, 'response', p.response, 'notesShared', p.notes_shared,
              'link', (SELECT json_build_object('issuedAt', l.created_at, 'kind', l.created_by_kind,
                         'by', COALESCE(l.created_by_name, s.name, ''), 'mailedAt', l.mailed_at,
                         'copied', l.copied_by IS NOT NULL)
                         FROM guest_link l LEFT JOIN staff s ON s.id = l.created_by WHERE l.participant_id = p.id)
            ) ORDER BY p.kind, p.name, p.id), '[]')
       FROM meeting_participant p WHERE p.meeting_id = m.id) AS participants,
    (SELECT COALESCE(json_agg(json_build_object('id', pr.id, 'meetingId', pr.meeting_id, 'startAt', pr.start_at,
              'endAt', pr.end_at) ORDER BY pr.start_at, pr.id), '[]')
       FROM meeting_proposal pr WHERE pr.meeting_id = m.id) AS proposals
  FROM meeting m JOIN "case" k ON k.id = m.case_id`;

const iso = (at: string) => new Date(at).toISOString();

const toMeetingRow = (r: MeetingReadRow): MeetingRow => ({
  ...r,
  participants: r.participants.map(({ link, ...p }) => ({
    ...p,
    link: link && {
      issuedAt: iso(link.issuedAt),
      issuedBy: { kind: link.kind, name: link.by },
      mailedAt: link.mailedAt ? iso(link.mailedAt) : null,
      copied: link.copied,
    },
  })),
  proposals: r.proposals.map((p) => ({ ...p, startAt: new Date(p.startAt), endAt: new Date(p.endAt) })),
});

/** A doctor's part in a held meeting, as fee settlement needs it. */
export interface DoctorParticipationRow {
  meetingId: string;
  caseId: string;
  citizenId: string;
  citizenName: string;
  startAt: Date;
  endAt: Date;
  doctorName: string;
  clinic: string | null;
  /** Whether the doctor gave a health statement at this meeting (through their link). */
  statementGiven: boolean;
}

export interface TimeSpan {
  start: Date;
  end: Date;
}

/** A staff member already taken at the `index`-th of the times asked about. */
export interface Clash {
  index: number;
  staffId: string;
  name: string;
}

export interface BusySpan extends TimeSpan {
  staffId: string;
}

/** Which meetings a list holds: a staff member's in a period within the caller's scope, or a case's. */
export type MeetingListFilter =
  | { scope: ListScope; staffId: string; from: Date; to: Date }
  | { caseId: string; staffId?: string; from?: Date; to?: Date };

/** The cursor of a meeting list: the last meeting's place (an instant to the microsecond) and id. */
export const MeetingKey = z.tuple([z.iso.datetime(), z.uuid()]);
export type MeetingKey = z.infer<typeof MeetingKey>;

/** A meeting's place in a list: its time, a proposed one's first proposal, or (neither) when it was made. */
const MEETING_AT = `COALESCE(m.start_at, (SELECT min(fp.start_at) FROM meeting_proposal fp WHERE fp.meeting_id = m.id), m.created_at)`;
const MEETING_ORDER: KeysetColumn[] = [
  { expr: MEETING_AT, dir: 'ASC' },
  { expr: 'm.id', dir: 'ASC' },
];

/**
 * A staff member's participation (alias p, which carries its meeting's status and time) takes their time when its
 * meeting is scheduled, or proposed with an open proposal, overlapping [:s, :e).
 */
const occupies = (p: string, s: string, e: string) =>
  `((${p}.meeting_status = 'scheduled' AND ${p}.meeting_start_at < ${e} AND ${p}.meeting_end_at > ${s})
    OR (${p}.meeting_status = 'proposed' AND EXISTS (SELECT 1 FROM meeting_proposal op WHERE op.meeting_id = ${p}.meeting_id AND op.start_at < ${e} AND op.end_at > ${s})))`;

/**
 * Who is taken when, from the participant rows alone (they carry their meeting's status and time): one index range
 * per person. The bench's bare baseline (tests/perf/baseline.mjs) runs it too.
 */
export const BUSY_SQL = `SELECT p.staff_id, p.meeting_start_at AS start_at, p.meeting_end_at AS end_at
     FROM meeting_participant p
    WHERE p.staff_id = ANY($1::uuid[]) AND p.meeting_status = 'scheduled'
      AND p.meeting_start_at < $3 AND p.meeting_end_at > $2
   UNION ALL
   SELECT p.staff_id, op.start_at, op.end_at
     FROM meeting_participant p JOIN meeting_proposal op ON op.meeting_id = p.meeting_id
    WHERE p.staff_id = ANY($1::uuid[]) AND p.meeting_status = 'proposed' AND op.start_at < $3 AND op.end_at > $2`;

@Injectable()
export class MeetingsRepository extends TransactionalRepository {
  private readonly meetings = this.repository(MeetingEntity);
  private readonly decisions = this.repository(MeetingDecisionEntity);

  /** These meetings, in the order of `ids`. */
  private async read(ids: readonly string[]): Promise<MeetingRow[]> {
    const rows: MeetingReadRow[] = await this.em.query(`${MEETING_READ} WHERE m.id = ANY($1::uuid[])`, [ids]);
    const byId = new Map(rows.map((r) => [r.id, toMeetingRow(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * One page of a meeting list, by time (a proposed meeting by its first proposal) and id: the page's ids in
   * one query on the meeting rows alone, then those meetings with their details; `total` counts the whole list.
   * Lists: a staff member's meetings (scheduled ones overlapping [from, to), proposed ones with an overlapping
   * proposal), only those the caller may see; or a case's meetings (every status), optionally one staff
   * member's and within [from, to).
   */
  async page(
    filter: MeetingListFilter,
    page: { after?: MeetingKey; size: number },
  ): Promise<{ items: MeetingRow[]; nextCursor: string | null; total: number }> {
    const qb = this.meetings().createQueryBuilder('m').innerJoin('m.case', 'c');
    if (filter.staffId) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM meeting_participant sp WHERE sp.meeting_id = m.id AND sp.staff_id = :staffId)`,
        {
          staffId: filter.staffId,
        },
      );
    }
    if ('caseId' in filter) {
      qb.andWhere('m.case_id = :caseId', { caseId: filter.caseId });
      if (filter.from && filter.to) {
        qb.andWhere(
          `((m.start_at < :to AND m.end_at > :from)
            OR (m.start_at IS NULL AND EXISTS (SELECT 1 FROM meeting_proposal op WHERE op.meeting_id = m.id AND op.start_at < :to AND op.end_at > :from)))`,
          { from: filter.from, to: filter.to },
        );
      }
    } else {
      // Only meetings the caller may see: of a case in scope, or one they take part in.
      qb.andWhere(
        `(${filter.scope.cases('c')} OR EXISTS (SELECT 1 FROM meeting_participant own WHERE own.meeting_id = m.id AND own.staff_id = :scopeStaffId))`,
        filter.scope.params,
      ).andWhere(
        `((m.status IN ('scheduled', 'held') AND m.start_at < :to AND m.end_at > :from)
          OR (m.status = 'proposed' AND EXISTS (SELECT 1 FROM meeting_proposal op WHERE op.meeting_id = m.id AND op.start_at < :to AND op.end_at > :from)))`,
        { from: filter.from, to: filter.to },
      );
    }
    const counting = qb.clone();
    if (page.after) {
      const after = keysetAfter(MEETING_ORDER, page.after);
      qb.andWhere(after.sql, after.params);
    }
    const ids: { id: string; key: string }[] = await qb
      .select('m.id', 'id')
      .addSelect(`to_char(${MEETING_AT} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'key')
      .orderBy(MEETING_AT, 'ASC')
      .addOrderBy('m.id', 'ASC')
      .limit(page.size + 1)
      .getRawMany();
    const { items, nextCursor } = pageFrom(ids, page.size, (r) => [r.key, r.id]);
    // A first page that holds the whole list is its own count (a calendar week usually is).
    const total = !page.after && !nextCursor ? items.length : await counting.getCount();
    if (items.length === 0) return { items: [], nextCursor, total };
    return { items: await this.read(items.map((r) => r.id)), nextCursor, total };
  }

  async findById(id: string): Promise<MeetingRow | null> {
    return (await this.read([id]))[0] ?? null;
  }

  /** Locks the meeting row, so two changes of one meeting run one after the other. */
  async lockMeeting(id: string): Promise<MeetingRow | null> {
    return this.meetings()
      .createQueryBuilder('m')
      .where('m.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne()
      .then((m) => (m ? this.findById(m.id) : null));
  }

  /**
   * Locks the rows of these staff members (in id order, so two callers cannot deadlock): a clash check and the
   * meeting it lets through then run one at a time per person. Answers the active ones, and whether each shares a team.
   */
  async lockStaff(staffIds: string[], teamIds: string[]): Promise<{ id: string; name: string; colleague: boolean }[]> {
    return this.em.query(
      `SELECT s.id, s.name, EXISTS (SELECT 1 FROM team_member tm WHERE tm.staff_id = s.id AND tm.team_id = ANY($2::uuid[])) AS colleague
         FROM staff s WHERE s.id = ANY($1::uuid[]) AND s.active ORDER BY s.id FOR NO KEY UPDATE OF s`,
      [staffIds, teamIds],
    );
  }

  /** Who of these staff members is taken at which of these times (another meeting than `exceptId`). */
  async clashes(staffIds: string[], times: TimeSpan[], exceptId: string | null): Promise<Clash[]> {
    const rows: { index: string; staff_id: string; name: string }[] = await this.em.query(
      `SELECT DISTINCT t.index - 1 AS index, p.staff_id, s.name
         FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS t(s, e, index)
         JOIN meeting_participant p ON p.staff_id = ANY($1::uuid[]) AND ($4::uuid IS NULL OR p.meeting_id <> $4::uuid)
         JOIN staff s ON s.id = p.staff_id
        WHERE ${occupies('p', 't.s', 't.e')}
        ORDER BY 1, 3`,
      [staffIds, times.map((t) => t.start), times.map((t) => t.end), exceptId],
    );
    return rows.map((r) => ({ index: Number(r.index), staffId: r.staff_id, name: r.name }));
  }

  /** Time these staff members are taken in [from, to): scheduled meetings and open proposals. */
  async busy(staffIds: string[], from: Date, to: Date): Promise<BusySpan[]> {
    const rows: { staff_id: string; start_at: Date; end_at: Date }[] = await this.em.query(BUSY_SQL, [
      staffIds,
      from,
      to,
    ]);
    return rows.map((r) => ({ staffId: r.staff_id, start: new Date(r.start_at), end: new Date(r.end_at) }));
  }

  /** Staff members' names, work addresses and phones, by id. */
  async staffContacts(ids: string[]): Promise<Map<string, { name: string; email: string; phone: string | null }>> {
    const rows = await this.em.query<{ id: string; name: string; email: string; phone: string | null }[]>(
      `SELECT id, name, email, phone FROM staff WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { name: r.name, email: r.email, phone: r.phone }]));
  }

  /** The staff member's own participant row in the meeting, if they take part. */
  async staffParticipant(meetingId: string, staffId: string): Promise<string | null> {
    const rows: { id: string }[] = await this.em.query(
      `SELECT id FROM meeting_participant WHERE meeting_id = $1 AND staff_id = $2`,
      [meetingId, staffId],
    );
    return rows[0]?.id ?? null;
  }

  async setResponse(participantId: string, response: 'accepted' | 'declined'): Promise<void> {
    await this.em.query(`UPDATE meeting_participant SET response = $2 WHERE id = $1`, [participantId, response]);
  }

  async citizenName(citizenId: string): Promise<string> {
    const [row] = await this.em.query<{ name: string }[]>(`SELECT name FROM citizen WHERE id = $1`, [citizenId]);
    return row.name;
  }

  /** The citizen's own e-mail address from the citizen record, if they gave one. */
  async citizenEmail(citizenId: string): Promise<string | null> {
    const [row] = await this.em.query<{ email: string | null }[]>(`SELECT email FROM citizen WHERE id = $1`, [
      citizenId,
    ]);
    return row?.email ?? null;
  }

  /** The municipality of the case's team (one installation serves one municipality; admin keeps it per team). */
  async municipalityOf(caseId: string): Promise<string> {
    const [row] = await this.em.query<{ municipality: string }[]>(
      `SELECT t.municipality FROM "case" c JOIN team t ON t.id = c.team_id WHERE c.id = $1`,
      [caseId],
    );
    return row.municipality;
  }

  /** Raises the meeting's iCalendar SEQUENCE, in the change's transaction (the row is locked by then). */
  async raiseSequence(id: string): Promise<void> {
    await this.meetings().increment({ id }, 'sequence', 1);
  }

  async insert(data: Partial<MeetingEntity>): Promise<string> {
    const meetings = this.meetings();
    return (await meetings.save(meetings.create(data))).id;
  }

  async update(id: string, data: Partial<MeetingEntity>): Promise<void> {
    await this.meetings().update({ id }, data);
  }

  findDecisions(meetingId: string): Promise<MeetingDecisionEntity[]> {
    return this.decisions().find({ where: { meetingId }, order: { position: 'ASC' } });
  }

  async insertDecisions(rows: Omit<MeetingDecisionEntity, 'id' | 'meeting'>[]): Promise<void> {
    if (rows.length) await this.decisions().insert(rows);
  }

  /** Doctors taking part in held meetings that started in [from, to), of cases in scope; by time. */
  async doctorParticipation(scope: ListScope, from: Date, to: Date): Promise<DoctorParticipationRow[]> {
    const rows = await this.meetings()
      .createQueryBuilder('m')
      .innerJoin('meeting_participant', 'p', `p.meeting_id = m.id AND p.kind = 'doctor'`)
      .innerJoin('case', 'c', 'c.id = m.case_id')
      .innerJoin('citizen', 'z', 'z.id = c.citizen_id')
      .select([
        'm.id AS "meetingId"',
        'c.id AS "caseId"',
        'z.id AS "citizenId"',
        'z.name AS "citizenName"',
        'm.start_at AS "startAt"',
        'm.end_at AS "endAt"',
        'p.name AS "doctorName"',
        'p.clinic AS "clinic"',
        `EXISTS (SELECT 1 FROM health_statement hs WHERE hs.meeting_id = m.id AND hs.participant_id = p.id) AS "statementGiven"`,
      ])
      .where(`m.status = 'held' AND m.start_at >= :from AND m.start_at < :to`, { from, to })
      .andWhere(scope.cases('c'), scope.params)
      .orderBy('m.start_at', 'ASC')
      .addOrderBy('p.name', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getRawMany<DoctorParticipationRow>();
    return rows.map((r) => ({ ...r, startAt: new Date(r.startAt), endAt: new Date(r.endAt) }));
  }

  /** Sets a participant's notes share; answers its kind, or null when the meeting has no such participant. */
  async setNotesShared(meetingId: string, participantId: string, shared: boolean): Promise<string | null> {
    // TypeORM answers an UPDATE … RETURNING as [rows, count].
    const [rows]: [unknown[], number] = await this.em.query(
      `UPDATE meeting_participant SET notes_shared = $3 WHERE id = $2 AND meeting_id = $1 AND kind = 'guest' RETURNING kind`,
      [meetingId, participantId, shared],
    );
    if (rows.length > 0) return 'guest';
    const other: { kind: string }[] = await this.em.query(
      `SELECT kind FROM meeting_participant WHERE id = $2 AND meeting_id = $1`,
      [meetingId, participantId],
    );
    return other[0]?.kind ?? null;
  }

  /** Retention: their meetings' titles, places, agendas, summaries, decisions and guests' details are blanked. */
  async anonymiseCitizens(citizenIds: string[]): Promise<void> {
    const q = (sql: string) => this.em.query(sql, [citizenIds]);
    const meetings = `SELECT id FROM meeting WHERE case_id IN (${CASES_OF_CITIZENS})`;
    await q(
      `UPDATE meeting_participant SET name = '${REDACTED}', email = NULL, phone = NULL, clinic = NULL, role = NULL
        WHERE meeting_id IN (${meetings}) AND kind <> 'staff'`,
    );
    await q(
      `UPDATE meeting SET title = '${REDACTED}', location = NULL, video_url = NULL, agenda = '{}', summary = NULL
        WHERE id IN (${meetings})`,
    );
    await q(`UPDATE meeting_decision SET text = '${REDACTED}' WHERE meeting_id IN (${meetings})`);
  }
}
