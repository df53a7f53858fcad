import { Injectable } from '@nestjs/common';
import type { Actor, GuestActor, StaffActor } from '../common/auth/actor';

/** Tværs itself acting on its own (no one asked this request): logged as actor kind `system`. */
export interface SystemActor {
  kind: 'system';
  name: string;
}
import { TransactionalRepository } from '../common/database/transactional-repository';
import type { ListScope } from './list-scope';
import type { TargetKind } from './permission';

/** Positional parameters built alongside the SQL text. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * A case (alias `k`) is visible through one of the staff member's teams, or as a member of it. The member's cases
 * are one array computed once per statement (not a subquery per row), so both sides of the OR are index
 * conditions and PostgreSQL can combine `IDX_case_team` and the primary key instead of filtering every case.
 */
function caseVisible(k: string, teams: string, staff: string): string {
  const [byTeam, asMember] = caseVisibleParts(k, teams, staff);
  return `(${byTeam} OR ${asMember})`;
}

/** The two ways a case is visible (see caseVisible); they overlap where a member's case is a team's case too. */
function caseVisibleParts(k: string, teams: string, staff: string): [byTeam: string, asMember: string] {
  return [
    `${k}.team_id = ANY(${teams}::uuid[])`,
    `${k}.id = ANY(ARRAY(SELECT vm.case_id FROM case_member vm WHERE vm.staff_id = ${staff}))`,
  ];
}

/** A citizen (alias `c`) is visible through a visible case, or, before any case exists, as registered by a teammate. */
function citizenVisible(c: string, teams: string, staff: string): string {
  return `(EXISTS (SELECT 1 FROM "case" vk WHERE vk.citizen_id = ${c}.id AND ${caseVisible('vk', teams, staff)})
    OR (NOT EXISTS (SELECT 1 FROM "case" nk WHERE nk.citizen_id = ${c}.id)
        AND EXISTS (SELECT 1 FROM team_member rt WHERE rt.staff_id = ${c}.registered_by_id AND rt.team_id = ANY(${teams}::uuid[]))))`;
}

const healthConsent = (citizen: string) =>
  `EXISTS (SELECT 1 FROM consent hc WHERE hc.citizen_id = ${citizen} AND hc.scope = 'health_in_unit' AND hc.given)`;

export interface GrantRow {
  citizen_id: string | null;
  case_id: string | null;
  health_consent: boolean;
  effort_discipline: string | null;
}

export interface AuditRow {
  /** Null for staff administration, which shows nothing of a citizen. */
  citizenId: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  purpose?: string | null;
  details?: Record<string, unknown> | null;
}

/**
 * The SQL behind every access decision: one statement per check, which also writes a read's access-log row.
 * Runs in the change's transaction when one is active (AccessService.change), on the pool otherwise.
 */
@Injectable()
export class AccessRepository extends TransactionalRepository {
  private grantSql(actor: Actor, target: TargetKind, id: string, subId: string | undefined, p: Params): string {
    const cols = (caseId: string, citizenId: string, effort = 'NULL::text') =>
      `SELECT ${caseId} AS case_id, ${citizenId} AS citizen_id, ${healthConsent(citizenId)} AS health_consent, ${effort} AS effort_discipline`;
    if (actor.kind === 'guest') {
      if (target !== 'meeting') return `${cols('NULL::uuid', 'NULL::uuid')} WHERE false`;
      return `${cols('m.case_id', 'k.citizen_id')} FROM meeting m JOIN "case" k ON k.id = m.case_id
        WHERE m.id = ${p.add(id)} AND m.id = ${p.add(actor.meetingId)}
          AND EXISTS (SELECT 1 FROM meeting_participant gp WHERE gp.id = ${p.add(actor.participantId)} AND gp.meeting_id = m.id)`;
    }
    // Placeholders are numbered on first use: PostgreSQL rejects a parameter the statement never mentions.
    let teamsRef: string | undefined;
    let staffRef: string | undefined;
    const refs = {
      get teams() {
        return (teamsRef ??= p.add(actor.teamIds));
      },
      get staff() {
        return (staffRef ??= p.add(actor.id));
      },
    };
    const visibleCase = (k: string) => caseVisible(k, refs.teams, refs.staff);
    switch (target) {
      case 'case':
        return `${cols('k.id', 'k.citizen_id')} FROM "case" k WHERE k.id = ${p.add(id)} AND ${visibleCase('k')}`;
      case 'effort':
        return `${cols('k.id', 'k.citizen_id', 'e.discipline')} FROM "case" k JOIN effort e ON e.case_id = k.id AND e.id = ${p.add(subId)}
          WHERE k.id = ${p.add(id)} AND ${visibleCase('k')}`;
      case 'citizen':
        return `${cols('NULL::uuid', 'c.id')} FROM citizen c WHERE c.id = ${p.add(id)} AND ${citizenVisible('c', refs.teams, refs.staff)}`;
      case 'intake':
        // Opening a case: a citizen of ours, or one with no active case anywhere; never an anonymised one (a
        // returning citizen is registered again by CPR).
        return `${cols('NULL::uuid', 'c.id')} FROM citizen c WHERE c.id = ${p.add(id)} AND c.anonymised_at IS NULL
          AND (${citizenVisible('c', refs.teams, refs.staff)}
            OR NOT EXISTS (SELECT 1 FROM "case" ak WHERE ak.citizen_id = c.id AND ak.status = 'active'))`;
      case 'meeting':
        return `${cols('m.case_id', 'k.citizen_id')} FROM meeting m JOIN "case" k ON k.id = m.case_id
          WHERE m.id = ${p.add(id)} AND (${visibleCase('k')}
            OR EXISTS (SELECT 1 FROM meeting_participant sp WHERE sp.meeting_id = m.id AND sp.staff_id = ${refs.staff}))`;
      case 'meeting-case':
        // Managing a meeting: its case must be within reach; taking part from another team is not enough.
        return `${cols('m.case_id', 'k.citizen_id')} FROM meeting m JOIN "case" k ON k.id = m.case_id
          WHERE m.id = ${p.add(id)} AND ${visibleCase('k')}`;
      case 'staff':
        return `${cols('NULL::uuid', 'NULL::uuid')} FROM staff s WHERE s.id = ${p.add(id)} AND s.active
          AND EXISTS (SELECT 1 FROM team_member st WHERE st.staff_id = s.id AND st.team_id = ANY(${refs.teams}::uuid[]))`;
      case 'team':
        return `${cols('NULL::uuid', 'NULL::uuid')} FROM team t WHERE t.id = ${p.add(id)} AND t.id = ANY(${refs.teams}::uuid[])`;
      case 'none':
        return `${cols('NULL::uuid', 'NULL::uuid')}`;
    }
  }

  /** An administrator's view of a citizen: that it exists (for the access log), nothing more. */
  private existsSql(id: string, p: Params): string {
    return `SELECT NULL::uuid AS case_id, c.id AS citizen_id, false AS health_consent, NULL::text AS effort_discipline
      FROM citizen c WHERE c.id = ${p.add(id)}`;
  }

  private actorCols(actor: Actor | SystemActor, p: Params): string {
    if (actor.kind === 'system') return `'system', NULL::uuid, ${p.add(actor.name)}`;
    return actor.kind === 'staff'
      ? `'staff', ${p.add(actor.id)}::uuid, ${p.add(actor.name)}`
      : `'guest', ${p.add(actor.participantId)}::uuid, ${p.add(actor.name)}`;
  }

  /** Of these meetings, those of a case the staff member may read (the `meeting-case` target, for lists). */
  async manageableMeetings(actor: StaffActor, meetingIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.em.query(
      `SELECT m.id FROM meeting m JOIN "case" k ON k.id = m.case_id
        WHERE m.id = ANY($1::uuid[]) AND ${caseVisible('k', '$2', '$3')}`,
      [meetingIds, actor.teamIds, actor.id],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Whether the organiser shared a permission marked `sharable` (the meeting's notes) with this link's holder, a
   * guest kind that does not hold it by default (an employer, a companion): `meeting_participant.notes_shared`.
   */
  async sharedWithGuest(_permission: string, actor: GuestActor): Promise<boolean> {
    const rows: { notes_shared: boolean }[] = await this.em.query(
      `SELECT notes_shared FROM meeting_participant WHERE id = $1 AND meeting_id = $2`,
      [actor.participantId, actor.meetingId],
    );
    return rows[0]?.notes_shared === true;
  }

  /** The citizen of a meeting, for a change the system makes (no one's reach to check). */
  async meetingCitizen(meetingId: string): Promise<string | null> {
    const rows: { citizen_id: string }[] = await this.em.query(
      `SELECT k.citizen_id FROM meeting m JOIN "case" k ON k.id = m.case_id WHERE m.id = $1`,
      [meetingId],
    );
    return rows[0]?.citizen_id ?? null;
  }

  /**
   * One statement: the check, and for a read its access-log row (once per citizen per request).
   * `asAdmin` asks only whether the citizen exists.
   */
  /** Of these targets of one kind, the positions of those the actor holds a check for: one statement for all. */
  async grantedOf(actor: Actor, target: TargetKind, ids: readonly string[]): Promise<Set<number>> {
    const p = new Params();
    const sql = ids
      .map((id, i) => `SELECT ${i} AS i FROM (${this.grantSql(actor, target, id, undefined, p)}) g${i}`)
      .join(' UNION ALL ');
    const rows: { i: number }[] = await this.em.query(sql, p.values);
    return new Set(rows.map((r) => Number(r.i)));
  }

  async grant(
    actor: Actor,
    q: { target: TargetKind; id: string; subId?: string; asAdmin?: boolean },
    audit: Omit<AuditRow, 'citizenId'> | null,
  ): Promise<GrantRow | null> {
    const p = new Params();
    const check = q.asAdmin ? this.existsSql(q.id, p) : this.grantSql(actor, q.target, q.id, q.subId, p);
    let sql = check;
    if (audit) {
      sql = `WITH g AS (${check}), a AS (
        INSERT INTO audit_entry (actor_kind, actor_id, actor_name, citizen_id, action, entity, entity_id, purpose, details)
        SELECT ${this.actorCols(actor, p)}, g.citizen_id, ${p.add(audit.action)}, ${p.add(audit.entity)},
               ${p.add(audit.entityId)}::uuid, ${p.add(audit.purpose ?? null)}, ${p.add(audit.details ? JSON.stringify(audit.details) : null)}::jsonb
          FROM g WHERE g.citizen_id IS NOT NULL AND NOT (g.citizen_id = ANY(${p.add([...actor.audit.citizens])}::uuid[]))
        RETURNING 1)
      SELECT * FROM g`;
    }
    const rows: GrantRow[] = await this.em.query(sql, p.values);
    return rows[0] ?? null;
  }

  /**
   * One access-log row unless this actor already has one of the same action on the same entity (e.g. one
   * "changed the notes" row per person per meeting, not one per keystroke). One statement; race-free when the
   * caller holds a lock that serialises such changes (the notes' row lock): under READ COMMITTED the statement,
   * run after the lock is taken, sees the row a previous holder committed.
   */
  async recordOnce(actor: Actor, row: AuditRow): Promise<void> {
    const p = new Params();
    const actorCols = this.actorCols(actor, p);
    const [citizen, action, entity, entityId] = [row.citizenId, row.action, row.entity, row.entityId].map((v) =>
      p.add(v),
    );
    const [kind, id] = actor.kind === 'staff' ? ['staff', actor.id] : ['guest', actor.participantId];
    const sql = `INSERT INTO audit_entry (actor_kind, actor_id, actor_name, citizen_id, action, entity, entity_id, purpose, details)
      SELECT ${actorCols}, ${citizen}::uuid, ${action}, ${entity}, ${entityId}::uuid, ${p.add(row.purpose ?? null)},
             ${p.add(row.details ? JSON.stringify(row.details) : null)}::jsonb
       WHERE NOT EXISTS (SELECT 1 FROM audit_entry x WHERE x.entity_id = ${entityId}::uuid AND x.actor_id = ${p.add(id)}::uuid
               AND x.action = ${action} AND x.actor_kind = ${p.add(kind)} AND x.citizen_id = ${citizen}::uuid)`;
    await this.em.query(sql, p.values);
  }

  /** Access-log rows in one statement (lists: one per citizen shown; writes: in the change's transaction). */
  async record(actor: Actor | SystemActor, rows: AuditRow[]): Promise<void> {
    if (rows.length === 0) return;
    const p = new Params();
    const sql = `INSERT INTO audit_entry (actor_kind, actor_id, actor_name, citizen_id, action, entity, entity_id, purpose, details)
      SELECT ${this.actorCols(actor, p)}, u.citizen_id, u.action, u.entity, u.entity_id, u.purpose, u.details
        FROM unnest(${p.add(rows.map((r) => r.citizenId))}::uuid[], ${p.add(rows.map((r) => r.action))}::text[],
                    ${p.add(rows.map((r) => r.entity))}::text[], ${p.add(rows.map((r) => r.entityId))}::uuid[],
                    ${p.add(rows.map((r) => r.purpose ?? null))}::text[],
                    ${p.add(rows.map((r) => (r.details ? JSON.stringify(r.details) : null)))}::jsonb[])
          AS u(citizen_id, action, entity, entity_id, purpose, details)`;
    await this.em.query(sql, p.values);
  }

  listScope(actor: Actor): ListScope {
    const ids =
      actor.kind === 'staff'
        ? { scopeTeamIds: actor.teamIds, scopeStaffId: actor.id }
        : { scopeTeamIds: [], scopeStaffId: actor.participantId };
    return {
      cases: (alias) => caseVisible(alias, ':scopeTeamIds', ':scopeStaffId'),
      caseParts: (alias) => {
        const [byTeam, asMember] = caseVisibleParts(alias, ':scopeTeamIds', ':scopeStaffId');
        return [byTeam, `${asMember} AND NOT ${byTeam}`];
      },
      coversTeams: (teamIds) => teamIds.length > 0 && teamIds.every((id) => ids.scopeTeamIds.includes(id)),
      citizens: (alias) => citizenVisible(alias, ':scopeTeamIds', ':scopeStaffId'),
      params: ids,
    };
  }
}
