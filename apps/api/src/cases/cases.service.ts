import { Injectable } from '@nestjs/common';
import type { Case, CaseFilterQuery, CaseList, CreateCase, SetCaseMember, UpdateCase } from '@tvaers/contracts';
import { caseLoad, changeCaseStatus, wouldExceedCeiling } from '@tvaers/domain';
import { AccessService } from '../access/access.service';
import { Permission } from '../access/permission';
import { isUniqueViolation } from '../common/database/sql';
import { hasRole, type StaffActor } from '../common/auth/actor';
import { forbidden, notFound, validationFailed } from '../common/problem/problem';
import { PlanCreator } from '../plans/plan-creator';
import { caseExists, caseloadCeilingExceeded } from './cases.errors';
import { CasesRepository } from './cases.repository';
import { toCase } from './cases.mapper';

/** The access-log row of a change that passed a ceiling by a manager's override. */
const overrideAudit = (reason: string, change: string, details: Record<string, unknown>) => ({
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
  ) {}

  async get(actor: StaffActor, id: string): Promise<Case> {
    await this.access.require(actor, Permission.CaseRead, id);
    return toCase((await this.cases.findById(id))!);
  }

  async list(actor: StaffActor, q: CaseFilterQuery): Promise<CaseList> {
    let totals: CaseList['totals'] = [];
    const rows = await this.access.list(
      actor,
      Permission.CaseList,
      async (scope) => {
        // Counts per person only, no citizen's data: within the same scope, nothing to log per citizen.
        totals = await this.cases.totals(scope, q);
        return this.cases.list(scope, q);
      },
      (k) => ({ citizenId: k.citizenId, entityId: k.id }),
    );
    return { items: rows.map(toCase), totals };
  }

  /** Ceiling rule: passing it needs a manager's override with a reason (recorded). */
  private async assertCeiling(
    actor: StaffActor,
    responsibleId: string,
    addedWeight: number,
    override: { reason: string } | undefined,
    exceptCaseId?: string,
    countsTowardLoad = true,
  ) {
    const staff = await this.cases.lockStaff(responsibleId);
    if (!staff || !staff.teams.some((t) => actor.teamIds.includes(t.id))) {
      throw validationFailed([{ path: 'responsibleId', message: 'not an active colleague in your teams' }]);
    }
    if (!staff.roles.some((r) => r === 'caseworker' || r === 'health')) {
      throw validationFailed([{ path: 'responsibleId', message: 'must be a caseworker or health professional' }]);
    }
    if (override && !hasRole(actor, 'manager')) throw forbidden('Only a manager may override a caseload ceiling.');
    if (!countsTowardLoad) return { staff, overridden: false, load: null, ceiling: null };
    const load = caseLoad(await this.cases.activeWeights(responsibleId, exceptCaseId));
    const ceiling = staff.caseloadCeiling === null ? null : Number(staff.caseloadCeiling);
    const exceeded = ceiling !== null && wouldExceedCeiling(load, addedWeight, ceiling);
    if (exceeded && !override) throw caseloadCeilingExceeded({ name: staff.name, load, ceiling, weight: addedWeight });
    return { staff, overridden: exceeded, load, ceiling };
  }

  async create(actor: StaffActor, input: CreateCase): Promise<Case> {
    const weight = input.weight ?? 1;
    const id = await this.access
      .change(actor, Permission.CaseCreate, input.citizenId, async () => {
        const { staff, overridden, load, ceiling } = await this.assertCeiling(
          actor,
          input.responsibleId,
          weight,
          input.override,
        );
        if (await this.cases.hasActiveCase(input.citizenId)) throw caseExists();
        const teamId = staff.teams.find((t) => actor.teamIds.includes(t.id))?.id ?? staff.teams[0].id;
        const k = await this.cases.insert({
          citizenId: input.citizenId,
          responsibleId: staff.id,
          teamId,
          weight: weight.toFixed(2),
          status: 'active',
        });
        await this.plans.createForCase(k.id, actor);
        return {
          result: k.id,
          audit: {
            entityId: k.id,
            ...(overridden
              ? overrideAudit(input.override!.reason, 'case.create', { staffId: staff.id, load, ceiling, weight })
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
      const k = await this.cases.findById(id);
      if (!k) throw notFound('Case');
      const weight = input.weight ?? Number(k.weight);
      const responsibleId = input.responsibleId ?? k.responsibleId;
      const { closing: _closing, reopening, countsTowardLoad, ...status } = changeCaseStatus(k, input, new Date());
      const overridden =
        input.responsibleId !== undefined || input.weight !== undefined || reopening
          ? (await this.assertCeiling(actor, responsibleId, weight, input.override, id, countsTowardLoad)).overridden
          : false;
      if (reopening && (await this.cases.hasActiveCase(k.citizenId))) throw caseExists();
      await this.cases.update(id, { responsibleId, weight: weight.toFixed(2), ...status });
      const details = { ...input, override: undefined };
      return {
        result: undefined,
        audit: overridden ? overrideAudit(input.override!.reason, 'case.update', details) : { details },
      };
    });
    return toCase((await this.cases.findById(id))!);
  }

  async setMember(actor: StaffActor, id: string, input: SetCaseMember): Promise<Case> {
    await this.access
      .change(actor, Permission.CaseMemberWrite, id, async () => {
        await this.cases.setMember(id, input.staffId, input.role);
        return { result: undefined, audit: { details: { ...input } } };
      })
      .catch((err: unknown) => {
        if ((err as { code?: string }).code === '23503') {
          throw validationFailed([{ path: 'staffId', message: 'unknown staff member' }]);
        }
        throw err;
      });
    return toCase((await this.cases.findById(id))!);
  }
}
