import { Injectable } from '@nestjs/common';
import type { CaseColleagueList, Discipline, SetCaseMember } from '@tvaers/contracts';
import { AccessService } from '../access/access.service';
import { Permission } from '../access/permission';
import type { StaffActor } from '../common/auth/actor';
import { notFound, validationFailed } from '../common/problem/problem';
import { CaseMembersRepository } from './case-members.repository';

/** Why a colleague joined a case on their own (the access-log row says so). */
export type JoinReason = 'effort_owner' | 'meeting_invitation';

/** The role a colleague who joined by the rule is given on the case (shown next to their name). */
const JOIN_ROLE: Record<JoinReason, string> = {
  effort_owner: 'indsatsansvarlig',
  meeting_invitation: 'inviteret til møde',
};

/**
 * Who works on a case besides its responsible person. The one rule by which a colleague joins (docs/api.md
 * "Shared plan"): staff of the case's team named owner of an effort of their discipline, or invited to a
 * meeting of the case, become members; every change of membership is audited as `case.member.set`.
 */
@Injectable()
export class CaseMembersService {
  constructor(
    private readonly repo: CaseMembersRepository,
    private readonly access: AccessService,
  ) {}

  /**
   * `PUT /api/cases/:id/members`: a member named by hand, with their role. The same rule as joining: only
   * an active caseworker or health worker of the case's team (never an administrator); anyone else is a 400
   * naming `staffId`, whether they exist or not.
   */
  async set(actor: StaffActor, caseId: string, input: SetCaseMember): Promise<void> {
    await this.access.change(actor, Permission.CaseMemberWrite, caseId, async () => {
      if ((await this.repo.teamColleagues(caseId, input.staffId)).length === 0) {
        throw validationFailed([{ path: 'staffId', message: "not a caseworker or health worker of the case's team" }]);
      }
      await this.repo.set(caseId, input.staffId, input.role);
      return { result: undefined, audit: { details: { ...input } } };
    });
  }

  /**
   * `DELETE /api/cases/:id/members/:staffId`: a named member leaves the case (and with it their reach, unless
   * their team gives it). The responsible person is not a member to remove (404, as for anyone not on it).
   */
  async remove(actor: StaffActor, caseId: string, staffId: string): Promise<void> {
    await this.access.change(actor, Permission.CaseMemberRemove, caseId, async () => {
      if (!(await this.repo.remove(caseId, staffId))) throw notFound('Member');
      return { result: undefined, audit: { details: { staffId } } };
    });
  }

  /**
   * The rule, in the caller's transaction: whether `staffId` is on the case now (responsible, a member, or a
   * colleague of the case's team who joins here), of `discipline` where one is asked for. Anyone else
   * (another team's staff, another discipline) is not, and nothing changes.
   */
  async join(
    actor: StaffActor,
    caseId: string,
    staffId: string,
    reason: JoinReason,
    discipline?: Discipline,
  ): Promise<boolean> {
    const standing = await this.repo.standing(caseId, staffId);
    if (!standing || (discipline && standing.discipline !== discipline)) return false;
    if (standing.onCase) return true;
    if ((await this.repo.teamColleagues(caseId, staffId)).length === 0) return false;
    const role = JOIN_ROLE[reason];
    await this.access.change(actor, Permission.CaseMemberWrite, caseId, async () => {
      await this.repo.set(caseId, staffId, role);
      return { result: undefined, audit: { details: { staffId, role, reason } } };
    });
    return true;
  }

  /** The case team's colleagues who may be named owner or invited, and whether each is on the case already. */
  async colleagues(actor: StaffActor, caseId: string): Promise<CaseColleagueList> {
    await this.access.require(actor, Permission.CaseColleaguesRead, caseId);
    return { items: await this.repo.teamColleagues(caseId) };
  }
}
