import { Injectable } from '@nestjs/common';
import type { CeilingSuggestion } from '@tvaers/contracts';
import { caseLoad, wouldExceedCeiling } from '@tvaers/domain';
import { hasRole, type StaffActor } from '../common/auth/actor';
import { forbidden, validationFailed } from '../common/problem/problem';
import type { StaffEntity } from '../people/staff.entity';
import { caseloadCeilingExceeded } from './caseload.errors';
import { CaseloadRepository } from './caseload.repository';
import { CaseloadService } from './caseload.service';

export interface CeilingCheck {
  /** The case's team (suggestions come from it); for a new case, the team it is opened in, if chosen. */
  teamId?: string;
  /** The case's citizen (several cases: theirs); who knows one is suggested first. */
  citizenIds: string[];
  exceptCaseId?: string;
  countsTowardLoad?: boolean;
  /** Who holds the case (cases) now: not suggested instead. */
  holderIds?: (string | null)[];
}

/** Who takes the cases, in which team, and whether a manager's override passed the ceiling (load/ceiling: before). */
export interface CeilingDecision {
  staff: StaffEntity;
  teamId: string;
  overridden: boolean;
  load: number | null;
  ceiling: number | null;
}

/** The caseload ceiling rule, decided where the loads and ceilings live; cases ask it before giving cases to someone. */
@Injectable()
export class CeilingService {
  constructor(
    private readonly repo: CaseloadRepository,
    private readonly caseload: CaseloadService,
  ) {}

  /**
   * Ceiling rule, under the person's row lock (concurrent assignments to one person are checked one at a time):
   * passing it needs a manager's override with a reason (recorded); without one the 409 names colleagues
   * of the same discipline who have room. Runs in the caller's transaction.
   */
  async assertCeiling(
    actor: StaffActor,
    responsibleId: string,
    addedWeight: number,
    override: { reason: string } | undefined,
    check: CeilingCheck,
  ): Promise<CeilingDecision> {
    const staff = await this.repo.lockStaff(responsibleId);
    if (!staff || !staff.teams.some((t) => actor.teamIds.includes(t.id))) {
      throw validationFailed([{ path: 'responsibleId', message: 'not an active colleague in your teams' }]);
    }
    if (!staff.roles.some((r) => r === 'caseworker' || r === 'health')) {
      throw validationFailed([{ path: 'responsibleId', message: 'must be a caseworker or health professional' }]);
    }
    if (check.teamId && !staff.teams.some((t) => t.id === check.teamId)) {
      throw validationFailed([{ path: 'responsibleId', message: 'not a member of the case’s team' }]);
    }
    if (override && !hasRole(actor, 'manager')) throw forbidden('Only a manager may override a caseload ceiling.');
    const teamId = check.teamId ?? staff.teams.find((t) => actor.teamIds.includes(t.id))!.id;
    if (check.countsTowardLoad === false) return { staff, teamId, overridden: false, load: null, ceiling: null };
    const load = caseLoad(await this.repo.activeWeights(responsibleId, check.exceptCaseId));
    const ceiling = await this.caseload.ceilingOf(staff.id);
    const exceeded = ceiling !== null && wouldExceedCeiling(load, addedWeight, ceiling);
    if (exceeded && !override) {
      const suggestions = await this.colleaguesWithRoom({
        teamId,
        citizenIds: check.citizenIds,
        weight: addedWeight,
        discipline: staff.discipline,
        exceptStaffIds: [staff.id, ...(check.holderIds ?? [])],
      });
      throw caseloadCeilingExceeded({ name: staff.name, load, ceiling, weight: addedWeight }, suggestions);
    }
    return { staff, teamId, overridden: exceeded, load, ceiling };
  }

  /** For a CASELOAD_CEILING_EXCEEDED problem: same-discipline colleagues with room. */
  private async colleaguesWithRoom(q: {
    teamId: string;
    citizenIds: string[];
    weight: number;
    discipline: string;
    exceptStaffIds: (string | null)[];
  }): Promise<CeilingSuggestion[]> {
    const list = await this.caseload.suggestions({ ...q, only: 'sameDiscipline' });
    return list.map(({ staffId, name, load, ceiling }) => ({ staffId, name, load, ceiling }));
  }
}
