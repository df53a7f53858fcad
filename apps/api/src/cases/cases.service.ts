import { Injectable } from '@nestjs/common';
import type {
  AssignCase,
  AssignmentSuggestion,
  Case,
  CaseAssignment,
  CaseFilterQuery,
  CaseList,
  CreateCase,
  MoveCases,
  ResponsibleTotal,
  SetCaseMember,
  UpdateCase,
} from '@tvaers/contracts';
import { caseLoad, changeCaseStatus } from '@tvaers/domain';
import { AccessService } from '../access/access.service';
import type { ListScope } from '../access/list-scope';
import { Permission } from '../access/permission';
import { CaseloadService } from '../caseload/caseload.service';
import { CeilingService } from '../caseload/ceiling.service';
import { decodeCursor, pageFrom, pageSize } from '../common/database/keyset';
import { isUniqueViolation } from '../common/database/sql';
import type { StaffActor } from '../common/auth/actor';
import type { DomainEvent } from '../common/events/domain-events';
import { notFound, validationFailed } from '../common/problem/problem';
import { PlanCreator } from '../plans/plan-creator';
import { CaseMembersService } from './case-members.service';
import { caseExists } from './cases.errors';
import type { CaseEntity } from './case.entity';
import { caseListOrder, CasesRepository, type CaseRow } from './cases.repository';
import { toCase } from './cases.mapper';

/** What every override's access-log details say, whatever else the change adds. */
interface OverrideDetails {
  /** Who held the case before (null: a new or queued case, or a reopening). */
  fromStaffId: string | null;
  /** Whose ceiling was passed: the case's responsible person after the change. */
  toStaffId: string;
  [more: string]: unknown;
}

/**
 * The access-log row of a change that passed a ceiling by a manager's override: details are
 * `{change, fromStaffId, toStaffId, ...}` (change: the route's action, e.g. `case.assign`); the dashboard's
 * overrides list names the people from these ids.
 */
const overrideAudit = (reason: string, change: string, details: OverrideDetails) => ({
  action: 'caseload.override',
  purpose: reason,
  details: { change, ...details },
});

@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly plans: PlanCreator,
    private readonly access: AccessService,
    private readonly caseload: CaseloadService,
    private readonly ceilings: CeilingService,
    private readonly members: CaseMembersService,
  ) {}

  async get(actor: StaffActor, id: string): Promise<Case> {
    await this.access.require(actor, Permission.CaseRead, id);
    return toCase((await this.cases.findById(id))!);
  }

  /**
   * One page of a case list (keyset, see caseListOrder), with the whole list's count and per-person totals;
   * only the page's citizens are logged as seen.
   */
  async list(actor: StaffActor, q: CaseFilterQuery): Promise<CaseList> {
    const size = pageSize(q.limit);
    const order = caseListOrder(q.sort, q.order);
    const after = q.cursor ? decodeCursor(q.cursor, order.key).slice(1) : undefined;
    const page = await this.access.page(
      actor,
      Permission.CaseList,
      { nextCursor: null, total: 0, totals: [] },
      async (scope) => {
        // Counts only, no citizen's data: within the same scope, nothing to log per citizen.
        const [keys, totals] = await Promise.all([
          this.cases.pageIds(scope, q, order, after, size + 1),
          this.cases.totals(scope, q),
        ]);
        const ids = pageFrom(keys, size, (r) => [order.tag, ...r.key]);
        const total = await this.countOf(scope, q, ids, !after, totals);
        const items = await this.cases.findMany(ids.items.map((r) => r.id));
        return { items, nextCursor: ids.nextCursor, total, totals };
      },
      (k) => ({ citizenId: k.citizenId, entityId: k.id }),
    );
    return { ...page, items: page.items.map(toCase) };
  }

  /**
   * The whole list's count without another query where the page or the totals already hold it: a first page
   * that holds the whole list (a caseworker's own cases usually do), or the active cases with no person filter,
   * which the per-person totals count over the same filters.
   */
  private async countOf(
    scope: ListScope,
    q: CaseFilterQuery,
    page: { items: unknown[]; nextCursor: string | null },
    first: boolean,
    totals: ResponsibleTotal[],
  ): Promise<number> {
    if (first && !page.nextCursor) return page.items.length;
    if (q.status === 'active' && !q.responsibleId) return totals.reduce((n, t) => n + t.activeCases, 0);
    return this.cases.count(scope, q);
  }

  async create(actor: StaffActor, input: CreateCase): Promise<Case> {
    if (input.teamId && !actor.teamIds.includes(input.teamId)) {
      throw validationFailed([{ path: 'teamId', message: 'not one of your teams' }]);
    }
    const { id } = await this.access
      .change(actor, Permission.CaseCreate, input.citizenId, async () => {
        const weight = input.weight ?? (await this.caseload.defaultWeight(input.citizenId));
        let assigned: {
          staffId: string;
          teamId: string;
          overridden: boolean;
          load: number | null;
          ceiling: number | null;
        } | null = null;
        if (input.responsibleId) {
          const c = await this.ceilings.assertCeiling(actor, input.responsibleId, weight, input.override, {
            teamId: input.teamId,
            citizenIds: [input.citizenId],
          });
          assigned = {
            staffId: c.staff.id,
            teamId: c.teamId,
            overridden: c.overridden,
            load: c.load,
            ceiling: c.ceiling,
          };
        }
        // Without a responsible person the case waits in the intake queue of one of the actor's teams.
        const teamId = assigned?.teamId ?? input.teamId ?? actor.teamIds[0];
        if (!teamId) throw validationFailed([{ path: 'teamId', message: 'you belong to no team' }]);
        if (await this.cases.hasActiveCase(input.citizenId)) throw caseExists();
        const k = await this.cases.insert({
          citizenId: input.citizenId,
          responsibleId: assigned?.staffId ?? null,
          teamId,
          weight: weight.toFixed(2),
          status: 'active',
        });
        await this.cases.recordAssignment({
          caseId: k.id,
          citizenId: k.citizenId,
          teamId,
          fromStaffId: null,
          toStaffId: assigned?.staffId ?? null,
          byStaffId: actor.id,
          reason: assigned?.overridden ? input.override!.reason : null,
          weight: weight.toFixed(2),
        });
        await this.plans.createForCase(k.id, actor);
        return {
          result: { id: k.id, responsibleId: assigned?.staffId ?? null, teamId },
          events: await this.caseload.loadsChanged([assigned?.staffId], [teamId]),
          audit: {
            entityId: k.id,
            ...(assigned?.overridden
              ? overrideAudit(input.override!.reason, 'case.create', {
                  fromStaffId: null,
                  toStaffId: assigned.staffId,
                  staffId: assigned.staffId,
                  load: assigned.load,
                  ceiling: assigned.ceiling,
                  weight,
                })
              : {}),
          },
        };
      })
      .catch((err: unknown) => {
        throw isUniqueViolation(err) ? caseExists() : err;
      });
    return toCase((await this.cases.findById(id))!);
  }

  async update(actor: StaffActor, id: string, input: UpdateCase): Promise<Case> {
    await this.access.change(actor, Permission.CaseUpdate, id, async () => {
      const k = await this.cases.lockCase(id);
      if (!k) throw notFound('Case');
      const weight = input.weight ?? Number(k.weight);
      const responsibleId = input.responsibleId ?? k.responsibleId;
      const { closing, reopening, countsTowardLoad, ...status } = changeCaseStatus(k, input, new Date());
      const moving = responsibleId !== k.responsibleId;
      const reweighted = weight !== Number(k.weight);
      const check =
        responsibleId !== null && (input.responsibleId !== undefined || input.weight !== undefined || reopening)
          ? await this.ceilings.assertCeiling(actor, responsibleId, weight, input.override, {
              teamId: k.teamId,
              citizenIds: [k.citizenId],
              exceptCaseId: id,
              countsTowardLoad,
              holderIds: [k.responsibleId],
            })
          : null;
      if (reopening && (await this.cases.hasActiveCase(k.citizenId))) throw caseExists();
      await this.cases.update(id, { responsibleId, weight: weight.toFixed(2), ...status });
      // The history the load timeline is rebuilt from: only what changes a load (a closed case carries none).
      const event = {
        caseId: id,
        citizenId: k.citizenId,
        teamId: k.teamId,
        byStaffId: actor.id,
        weight: weight.toFixed(2),
      };
      const overrideReason = check?.overridden ? input.override!.reason : null;
      if (closing) {
        await this.cases.recordAssignment({
          ...event,
          fromStaffId: k.responsibleId,
          toStaffId: null,
          reason: input.closeReason ?? null,
        });
      } else if (reopening) {
        await this.cases.recordAssignment({
          ...event,
          fromStaffId: null,
          toStaffId: responsibleId,
          reason: overrideReason,
        });
      } else if (countsTowardLoad && (moving || reweighted)) {
        await this.cases.recordAssignment({
          ...event,
          fromStaffId: k.responsibleId,
          toStaffId: responsibleId,
          reason: overrideReason,
        });
      }
      const details = { ...input, override: undefined };
      return {
        result: undefined,
        events:
          closing || reopening || moving || reweighted
            ? await this.caseload.loadsChanged([k.responsibleId, responsibleId], [k.teamId])
            : [],
        audit: check?.overridden
          ? overrideAudit(input.override!.reason, 'case.update', {
              ...details,
              fromStaffId: reopening ? null : k.responsibleId,
              toStaffId: responsibleId!,
            })
          : { details },
      };
    });
    return toCase((await this.cases.findById(id))!);
  }

  /** Give a case (from the queue, or from a colleague) to a responsible person under the ceiling rules. */
  async assign(actor: StaffActor, id: string, input: AssignCase): Promise<Case> {
    await this.access.change(actor, Permission.CaseAssign, id, async () => {
      const k = await this.cases.lockCase(id);
      if (!k) throw notFound('Case');
      if (k.status !== 'active') {
        throw validationFailed([{ path: 'staffId', message: 'the case is closed; reopen it' }]);
      }
      if (k.responsibleId === input.staffId) return { result: undefined };
      const weight = Number(k.weight);
      const c = await this.ceilings.assertCeiling(actor, input.staffId, weight, input.override, {
        teamId: k.teamId,
        citizenIds: [k.citizenId],
        exceptCaseId: id,
        holderIds: [k.responsibleId],
      });
      const reason = c.overridden ? input.override!.reason : (input.reason ?? null);
      const details = {
        ...(await this.giveTo(k, input.staffId, actor.id, reason)),
        load: c.load,
        ceiling: c.ceiling,
        weight,
      };
      return {
        result: undefined,
        events: await this.caseload.loadsChanged([k.responsibleId, input.staffId], [k.teamId]),
        audit: c.overridden
          ? overrideAudit(input.override!.reason, 'case.assign', details)
          : { details: { ...details, reason } },
      };
    });
    return toCase((await this.cases.findById(id))!);
  }

  /**
   * Makes a colleague responsible for a case and records the assignment (assign and move alike); answers the
   * audit details naming from whom and to whom.
   */
  private async giveTo(
    k: Pick<CaseEntity, 'id' | 'citizenId' | 'teamId' | 'responsibleId' | 'weight'>,
    staffId: string,
    byStaffId: string,
    reason: string | null,
  ) {
    await this.cases.update(k.id, { responsibleId: staffId });
    await this.cases.recordAssignment({
      caseId: k.id,
      citizenId: k.citizenId,
      teamId: k.teamId,
      fromStaffId: k.responsibleId,
      toStaffId: staffId,
      byStaffId,
      reason,
      weight: k.weight,
    });
    return { staffId, fromStaffId: k.responsibleId, toStaffId: staffId };
  }

  /**
   * A manager's first pass over cases to move together: each within reach (404), of one of the manager's teams,
   * active, and all of one team (400). Shows nothing of the citizens.
   */
  private async casesToMove(actor: StaffActor, caseIds: string[], lock: boolean): Promise<CaseRow[]> {
    const found: CaseRow[] = [];
    // In id order: two moves of overlapping cases lock them in the same order.
    for (const id of [...caseIds].sort()) {
      await this.access.require(actor, Permission.CaseMoveCheck, id);
      if (lock) await this.cases.lockCase(id);
      const k = (await this.cases.findById(id))!;
      if (!actor.teamIds.includes(k.teamId)) throw notFound('Case');
      if (k.status !== 'active') {
        throw validationFailed([{ path: 'caseIds', message: 'a case is closed; reopen it first' }]);
      }
      found.push(k);
    }
    if (found.some((k) => k.teamId !== found[0].teamId)) {
      throw validationFailed([{ path: 'caseIds', message: 'the cases belong to more than one team' }]);
    }
    return found;
  }

  /**
   * Who has room for these cases together (their summed weight): as for one case, the discipline of the people
   * holding them first (when they share one), then who knows one of the citizens, then lowest utilisation.
   */
  async moveSuggestions(actor: StaffActor, caseIds: string[]): Promise<AssignmentSuggestion[]> {
    const found = await this.casesToMove(actor, caseIds, false);
    const disciplines = new Set(found.map((k) => k.responsible?.discipline ?? null));
    return this.caseload.suggestions({
      teamId: found[0].teamId,
      citizenIds: found.map((k) => k.citizenId),
      weight: caseLoad(found.map((k) => ({ weight: Number(k.weight) }))),
      discipline: disciplines.size === 1 ? [...disciplines][0] : null,
      exceptStaffIds: found.map((k) => k.responsibleId),
    });
  }

  /**
   * Moves several cases of one team to one colleague in one transaction, all or none: the ceiling rule applies
   * to their summed weight (the 409 names who has room for all of them; a manager's override covers the move),
   * and each case gets its assignment and access-log row as `assign` gives it.
   */
  async move(actor: StaffActor, input: MoveCases): Promise<Case[]> {
    await this.access.together(async () => {
      const found = await this.casesToMove(actor, input.caseIds, true);
      const moving = found.filter((k) => k.responsibleId !== input.staffId);
      const weight = caseLoad(moving.map((k) => ({ weight: Number(k.weight) })));
      const c = moving.length
        ? await this.ceilings.assertCeiling(actor, input.staffId, weight, input.override, {
            teamId: found[0].teamId,
            citizenIds: moving.map((k) => k.citizenId),
            holderIds: moving.map((k) => k.responsibleId),
          })
        : null;
      const reason = c?.overridden ? input.override!.reason : (input.reason ?? null);
      for (const k of found) {
        await this.access.change(actor, Permission.CaseMove, k.id, async () => {
          if (!c || k.responsibleId === input.staffId) return { result: null };
          const details = {
            ...(await this.giveTo(k, input.staffId, actor.id, reason)),
            load: c.load,
            ceiling: c.ceiling,
            weight: Number(k.weight),
            movedCases: moving.length,
            movedWeight: weight,
          };
          return {
            result: null,
            audit: c.overridden ? overrideAudit(reason!, 'case.assign', details) : { details: { ...details, reason } },
            // The old holder's and the new one's teams hear it, as after one assignment (once per team).
            events: await this.caseload.loadsChanged([k.responsibleId, input.staffId], [k.teamId]),
          };
        });
      }
    });
    return Promise.all(input.caseIds.map(async (id) => toCase((await this.cases.findById(id))!)));
  }

  /**
   * A leaving person's active cases go to their teams' intake queues (no responsible person, an assignment row
   * from them to nobody). Runs in the caller's transaction (the deactivation), which writes the access-log rows
   * from the cases returned and returns the managers' news (`loadsChanged`) with it.
   */
  async handOverToQueue(
    staffId: string,
    byStaffId: string | null,
    reason: string,
  ): Promise<{ caseId: string; citizenId: string; teamId: string }[]> {
    const held = await this.cases.lockActiveCasesOf(staffId);
    for (const k of held) {
      await this.cases.update(k.id, { responsibleId: null });
      await this.cases.recordAssignment({
        caseId: k.id,
        citizenId: k.citizenId,
        teamId: k.teamId,
        fromStaffId: staffId,
        toStaffId: null,
        byStaffId,
        reason,
        weight: k.weight,
      });
    }
    return held.map((k) => ({ caseId: k.id, citizenId: k.citizenId, teamId: k.teamId }));
  }

  /** The news that loads changed for these people's and teams' managers, for a change to return. */
  loadsChanged(staffIds: string[], teamIds: string[]): Promise<DomainEvent[]> {
    return this.caseload.loadsChanged(staffIds, teamIds);
  }

  async assignments(actor: StaffActor, id: string): Promise<CaseAssignment[]> {
    await this.access.require(actor, Permission.CaseAssignmentsRead, id);
    return this.cases.assignments(id);
  }

  /** Who could take the case: same discipline as its responsible (or last responsible) first, only those with room. */
  async suggestions(actor: StaffActor, id: string): Promise<AssignmentSuggestion[]> {
    await this.access.require(actor, Permission.CaseAssignmentSuggestions, id);
    const k = (await this.cases.findById(id))!;
    const history = await this.cases.assignments(id);
    const lastId = k.responsibleId ?? [...history].reverse().find((a) => a.toStaffId !== null)?.toStaffId ?? null;
    const last = lastId === k.responsibleId ? k.responsible : await this.cases.staffById(lastId);
    return this.caseload.suggestions({
      teamId: k.teamId,
      citizenIds: [k.citizenId],
      weight: Number(k.weight),
      discipline: last?.discipline ?? null,
      exceptStaffIds: [k.responsibleId],
    });
  }

  async setMember(actor: StaffActor, id: string, input: SetCaseMember): Promise<Case> {
    await this.members.set(actor, id, input);
    return toCase((await this.cases.findById(id))!);
  }

  /** Retention, in the caller's transaction (a system change: no actor, no access-log row of its own). */
  anonymiseCitizens(citizenIds: string[]): Promise<void> {
    return this.cases.anonymiseCitizens(citizenIds);
  }
}
