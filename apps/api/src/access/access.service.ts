import { AsyncLocalStorage } from 'node:async_hooks';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { type Actor, type GuestActor, hasRole } from '../common/auth/actor';
import { type DomainEvent, DomainEvents } from '../common/events/domain-events';
import { forbidden, notFound, ProblemError } from '../common/problem/problem';
import { AccessRepository, type AuditRow, type GrantRow, type SystemActor } from './access.repository';
import type { ListScope } from './list-scope';
import { health, seesHealth, type Grant } from './grant';
import { type GuestKind, Permission, RULES, WORKING_ROLES } from './permission';

/** The target of a check: an id, or a case and one of its efforts. */
export type Target = string | { caseId: string; effortId: string };

/** What a change adds to its access-log row (the action defaults to the permission's). */
export interface ChangeAudit {
  action?: string;
  entityId?: string | null;
  purpose?: string | null;
  details?: Record<string, unknown>;
  /** For changes that create the citizen. */
  citizenId?: string;
  /**
   * One row per actor, action and entity, however often the change is made (the notes: one row per person
   * per meeting); the work must hold a lock that serialises these changes (see AccessRepository.recordOnce).
   */
  once?: true;
}

export interface ListEntry {
  citizenId: string;
  entityId?: string | null;
}

const NOT_FOUND_NAMES: Partial<Record<string, string>> = {
  citizen: 'Citizen',
  intake: 'Citizen',
  case: 'Case',
  effort: 'Effort',
  meeting: 'Meeting',
  'meeting-case': 'Meeting',
  staff: 'Staff member',
  team: 'Team',
};

/**
 * The only code that decides who may read or change a citizen's data (docs/api.md "Who sees what").
 * Anything the actor may not know exists is a 404; a read is granted together with its access-log row,
 * and a change is applied in a transaction that writes its row, so neither can be forgotten.
 */
/** What a change's work gives back: its result, what its access-log row says, and the events it caused. */
export interface ChangeDone<T> {
  result: T;
  audit?: ChangeAudit;
  /** Emitted once the outermost transaction has committed; never when it rolls back. */
  events?: readonly DomainEvent[];
}

@Injectable()
export class AccessService {
  /** The events of the changes within the outermost change or `together`, held until it commits. */
  private readonly pending = new AsyncLocalStorage<DomainEvent[]>();

  constructor(
    private readonly repo: AccessRepository,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Runs `work` in a transaction; the events its changes return go out after the outermost one commits (a
   * listener never hears of a change that was rolled back, nor before the change can be read).
   */
  private async committed<T>(work: (events: DomainEvent[]) => Promise<T>): Promise<T> {
    const outer = this.pending.getStore();
    if (outer) return this.txHost.withTransaction(() => work(outer));
    const events: DomainEvent[] = [];
    const result = await this.pending.run(events, () => this.txHost.withTransaction(() => work(events)));
    // The same news twice in one commit (several cases of one team moved) is told once.
    this.events.emitAll([...new Map(events.map((e) => [JSON.stringify(e), e])).values()]);
    return result;
  }

  /**
   * Role gate: 403 for a working role that may not use the route at all, 404 for staff without working roles
   * (admins: content does not exist for them) unless the rule names its refusal.
   * A link's holder passes only a guest permission of its participant kind (docs/api.md "Guest links"); staff
   * permissions are never a guest's (404), and a staff member never holds a guest permission.
   */
  private async gate(actor: Actor, permission: Permission): Promise<{ asAdmin: boolean }> {
    const rule = RULES[permission];
    if (actor.kind === 'guest') {
      if (!rule.guests) throw notFound(NOT_FOUND_NAMES[rule.target]);
      const kind = actor.participantKind as GuestKind;
      if (!rule.guests.includes(kind) && !(rule.sharable && (await this.repo.sharedWithGuest(permission, actor)))) {
        if (rule.guestRefuse) throw forbidden(rule.guestRefuse);
        throw notFound(NOT_FOUND_NAMES[rule.target]);
      }
      if (rule.copyLimit === 'access-log' && actor.copiedBy && !copierReadsAccessLogs(actor)) throw linkLimited();
      return { asAdmin: false };
    }
    if (rule.guests) throw notFound(NOT_FOUND_NAMES[rule.target]);
    if (!rule.roles || hasRole(actor, ...rule.roles)) {
      // An administrator reads access logs of any citizen, and nothing else of theirs.
      const asAdmin = permission === Permission.AccessLogRead && !hasRole(actor, 'manager');
      return { asAdmin };
    }
    // Decided by the role alone, before any lookup: a working role the route is not for is a 403, never a 404.
    if (rule.refuse) throw forbidden(rule.refuse);
    if (hasRole(actor, ...WORKING_ROLES)) throw forbidden();
    throw notFound(NOT_FOUND_NAMES[rule.target]);
  }

  private toGrant(row: GrantRow | null, permission: Permission, actor: Actor): Grant {
    const rule = RULES[permission];
    if (!row) throw notFound(NOT_FOUND_NAMES[rule.target]);
    const grant: Grant = {
      citizenId: row.citizen_id ?? '',
      caseId: row.case_id,
      seesHealth: seesHealth(actor, row.health_consent),
    };
    // A health effort out of the actor's reach does not exist for them.
    if (row.effort_discipline && health.hides(grant, row.effort_discipline as 'health')) throw notFound('Effort');
    return grant;
  }

  private static split(target: Target): { id: string; subId?: string } {
    return typeof target === 'string' ? { id: target } : { id: target.caseId, subId: target.effortId };
  }

  /** A read (or a check that shows nothing): granted with its access-log row in the same statement. */
  async require(actor: Actor, permission: Permission, target: Target, purpose?: string): Promise<Grant> {
    const rule = RULES[permission];
    if (rule.mode !== 'read' && rule.mode !== 'check') throw new Error(`${permission} is not a read`);
    const { asAdmin } = await this.gate(actor, permission);
    const { id, subId } = AccessService.split(target);
    const copied = copierAudit(actor);
    const audit = rule.audit
      ? { ...rule.audit, entityId: id, purpose: purpose ?? copied?.purpose ?? null, details: copied?.details ?? null }
      : null;
    const grant = this.toGrant(
      await this.repo.grant(actor, { target: rule.target, id, subId, asAdmin }, audit),
      permission,
      actor,
    );
    if (audit) actor.audit.citizens.add(grant.citizenId);
    return grant;
  }

  /**
   * A change: checked and applied in one transaction that also writes its access-log row, so a change
   * without its row (or a row without its change) cannot happen. Every repository call in `work` joins it.
   */
  async change<T>(
    actor: Actor,
    permission: Permission,
    target: Target | null,
    work: (grant: Grant) => Promise<ChangeDone<T>>,
  ): Promise<T> {
    const rule = RULES[permission];
    if (rule.mode !== 'write' || !rule.audit) throw new Error(`${permission} is not a change`);
    await this.gate(actor, permission);
    const copied = copierAudit(actor);
    const { id, subId } = target === null ? { id: '', subId: undefined } : AccessService.split(target);
    const { result, citizenId } = await this.committed(async (events) => {
      const grant =
        rule.target === 'none'
          ? { citizenId: '', caseId: null, seesHealth: false }
          : this.toGrant(await this.repo.grant(actor, { target: rule.target, id, subId }, null), permission, actor);
      const out = await work(grant);
      const citizenId = out.audit?.citizenId ?? grant.citizenId;
      if (!citizenId) throw new Error(`${permission}: a change must name its citizen`);
      const row = {
        citizenId,
        action: out.audit?.action ?? rule.audit!.action,
        entity: rule.audit!.entity,
        entityId: out.audit?.entityId !== undefined ? out.audit.entityId : id || null,
        purpose: out.audit?.purpose ?? copied?.purpose ?? null,
        details: copied ? { ...out.audit?.details, ...copied.details } : (out.audit?.details ?? null),
      };
      if (out.audit?.once) await this.repo.recordOnce(actor, row);
      else await this.repo.record(actor, [row]);
      events.push(...(out.events ?? []));
      return { result: out.result, citizenId };
    });
    actor.audit.citizens.add(citizenId);
    return result;
  }

  /**
   * Changes that stand or fall together (several cases moved at once): each is checked and logged by `change` as
   * on its own, all in one transaction, so the failure of one undoes the others with their access-log rows.
   */
  async together<T>(work: () => Promise<T>): Promise<T> {
    return this.committed(work);
  }

  /**
   * A change Tværs makes on its own of a meeting's data (e.g. a link issued for a mailed invitation): no
   * one's reach to check, but the same transaction with its access-log row, under actor kind `system`.
   * `work` returns null when it changed nothing (then no row either).
   */
  async systemChange<T>(
    actor: SystemActor,
    permission: Permission,
    meetingId: string,
    work: () => Promise<ChangeDone<T> | null>,
  ): Promise<T | null> {
    const rule = RULES[permission];
    if (rule.mode !== 'write' || !rule.audit || (rule.target !== 'meeting' && rule.target !== 'meeting-case')) {
      throw new Error(`${permission}: no system change`);
    }
    return this.committed(async (events) => {
      const citizenId = await this.repo.meetingCitizen(meetingId);
      if (!citizenId) return null;
      const out = await work();
      if (!out) return null;
      events.push(...(out.events ?? []));
      await this.repo.record(actor, [
        {
          citizenId,
          action: out.audit?.action ?? rule.audit!.action,
          entity: rule.audit!.entity,
          entityId: out.audit?.entityId ?? meetingId,
          details: out.audit?.details ?? null,
        },
      ]);
      return out.result;
    });
  }

  /**
   * A change Tværs makes on its own of many citizens at once (retention): no one's reach to check; `work` runs in
   * one transaction with one access-log row per citizen it reports, under actor kind `system`.
   */
  async systemChangeOfCitizens(
    actor: SystemActor,
    audit: { action: string; entity: string },
    work: () => Promise<string[]>,
  ): Promise<string[]> {
    return this.txHost.withTransaction(async () => {
      const citizenIds = await work();
      await this.repo.record(
        actor,
        citizenIds.map((citizenId) => ({ citizenId, ...audit, entityId: citizenId })),
      );
      return citizenIds;
    });
  }

  /**
   * A change of staff administration (accounts, roles, teams, passwords) or of a unit-wide setting (`noCitizen`,
   * e.g. the benefit weights): nothing of a citizen's, so its
   * audit row names none (`citizen_id` null, entity `staff` or `team`), written in the change's transaction.
   * A system actor (a set-password link, the first administrator) is not gated.
   */
  async adminChange<T>(
    actor: Actor | SystemActor,
    permission: Permission,
    work: () => Promise<{
      result: T;
      audit: ChangeAudit & {
        entityId: string | null;
        /** Rows in citizens' access logs when the change reaches their cases (a leaver's cases handed on). */
        citizenRows?: (AuditRow & { citizenId: string })[];
      };
      events?: readonly DomainEvent[];
    }>,
  ): Promise<T> {
    const rule = RULES[permission];
    if (rule.mode !== 'write' || !rule.audit || (rule.roles?.join() !== 'admin' && !rule.noCitizen)) {
      throw new Error(`${permission} is not an administration change`);
    }
    if (actor.kind !== 'system') await this.gate(actor, permission);
    return this.committed(async (events) => {
      const out = await work();
      events.push(...(out.events ?? []));
      await this.repo.record(actor, [
        {
          citizenId: null,
          action: out.audit.action ?? rule.audit!.action,
          entity: rule.audit!.entity,
          entityId: out.audit.entityId,
          purpose: out.audit.purpose ?? null,
          details: out.audit.details ?? null,
        },
        ...(out.audit.citizenRows ?? []),
      ]);
      return out.result;
    });
  }

  /**
   * A check that shows nothing (mode `check`) for several targets at once, e.g. the colleagues of an availability
   * search: one statement, and 404 unless the actor holds it for every one.
   */
  async requireEach(actor: Actor, permission: Permission, ids: readonly string[]): Promise<void> {
    const rule = RULES[permission];
    if (rule.mode !== 'check') throw new Error(`${permission} is not a check`);
    await this.gate(actor, permission);
    if (ids.length === 0) return;
    const held = await this.repo.grantedOf(actor, rule.target, ids);
    if (held.size < ids.length) throw notFound(NOT_FOUND_NAMES[rule.target]);
  }

  /** A check that shows nothing (mode `check`, no access-log row): whether the actor holds it for this target. */
  async can(actor: Actor, permission: Permission, target: Target): Promise<boolean> {
    const rule = RULES[permission];
    if (rule.mode !== 'check') throw new Error(`${permission} is not a check`);
    try {
      await this.gate(actor, permission);
    } catch (err) {
      if (err instanceof ProblemError) return false;
      throw err;
    }
    const { id, subId } = AccessService.split(target);
    return (await this.repo.grant(actor, { target: rule.target, id, subId }, null)) !== null;
  }

  /** The same check for many meetings at once (lists): the ids of those the actor holds it for. */
  async canEach(actor: Actor, permission: Permission, meetingIds: string[]): Promise<Set<string>> {
    const rule = RULES[permission];
    if (rule.mode !== 'check' || rule.target !== 'meeting-case') throw new Error(`${permission}: no check of many`);
    if (actor.kind !== 'staff' || meetingIds.length === 0 || !hasRole(actor, ...(rule.roles ?? []))) return new Set();
    return new Set(await this.repo.manageableMeetings(actor, meetingIds));
  }

  /** A list: fetched within the actor's scope, with one access-log row per citizen shown. */
  async list<T>(
    actor: Actor,
    permission: Permission,
    fetch: (scope: ListScope) => Promise<T[]>,
    entry: (row: T) => ListEntry,
  ): Promise<T[]> {
    const page = await this.page<{ items: T[] }>(
      actor,
      permission,
      {},
      async (scope) => ({ items: await fetch(scope) }),
      entry,
    );
    return page.items;
  }

  /**
   * A page of a list, as `list` does it: its items are the rows shown (one access-log row per citizen); the page's
   * other fields (cursor, totals) pass through, or are `empty`'s where the actor's list is empty.
   */
  async page<P extends { items: unknown[] }>(
    actor: Actor,
    permission: Permission,
    empty: Omit<NoInfer<P>, 'items'>,
    fetch: (scope: ListScope) => Promise<P>,
    entry: (row: P['items'][number]) => ListEntry,
  ): Promise<P> {
    // An empty list is the page `empty` describes; its type holds every field of P but the items.
    const none = () => ({ ...empty, items: [] }) as unknown as P;
    const rule = RULES[permission];
    if (rule.mode !== 'list' || !rule.audit) throw new Error(`${permission} is not a list`);
    if (actor.kind !== 'staff') return none();
    if (!hasRole(actor, ...(rule.roles ?? []))) {
      // As the gate: a role the list is not for is refused; an administrator's lists are empty.
      if (rule.refuse) throw forbidden(rule.refuse);
      if (hasRole(actor, ...WORKING_ROLES)) throw forbidden();
      return none();
    }
    const page = await fetch(this.repo.listScope(actor));
    // Marked as logged before the insert: lists of one request running at once log a citizen shown in both once.
    const seen = actor.audit.citizens;
    const audit: AuditRow[] = [];
    for (const row of page.items) {
      const e = entry(row);
      if (seen.has(e.citizenId)) continue;
      seen.add(e.citizenId);
      audit.push({
        citizenId: e.citizenId,
        action: rule.audit.action,
        entity: rule.audit.entity,
        entityId: e.entityId ?? null,
      });
    }
    await this.repo.record(actor, audit);
    return page;
  }
}

/**
 * Whether health data shows through this link as far as the staff member it was shown to goes (true for a link
 * never shown to staff): health staff, or the citizen's health_in_unit consent (which `grant.seesHealth` of a
 * guest includes).
 */
export function copierSeesHealth(actor: GuestActor, grant: Grant): boolean {
  return !actor.copiedBy || seesHealth(actor.copiedBy, grant.seesHealth);
}

/** Whether the staff member a link was shown to reads access logs in their own session (AccessLogRead's roles). */
export function copierReadsAccessLogs(actor: GuestActor): boolean {
  const roles = RULES[Permission.AccessLogRead].roles ?? [];
  return !!actor.copiedBy && actor.copiedBy.roles.some((r) => roles.includes(r));
}

/** A read or change through a copied link names the staff member it was shown to as well as the guest. */
function copierAudit(actor: Actor): { purpose: string; details: Record<string, unknown> } | null {
  if (actor.kind !== 'guest' || !actor.copiedBy) return null;
  return {
    purpose: `Via et link, som ${actor.copiedBy.name} har fået vist`,
    details: { copiedBy: { id: actor.copiedBy.id, name: actor.copiedBy.name } },
  };
}

const linkLimited = () =>
  new ProblemError(
    403,
    'GUEST_LINK_LIMITED',
    'This link was also shown to a staff member, so it shows no more than they may see: the link mailed to you shows the rest.',
  );
