import {
  AssignCase,
  AssignmentSuggestionList,
  Case,
  CaseAssignmentList,
  CaseColleagueList,
  type CaseFilterQuery,
  CaseList,
  CaseQuery,
  CreateCase,
  SetCaseMember,
  UpdateCase,
} from '@tvaers/contracts';
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffController } from '../common/auth/decorators';
import { UuidParam } from '../common/validation/uuid-param';
import { ZBody, ZQuery } from '../common/validation/zod';
import { Endpoint } from '../common/http/endpoint';
import { CaseMembersService } from './case-members.service';
import { CasesService } from './cases.service';

const OVERRIDE = 'Only a manager may override a caseload ceiling';

@StaffController('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly members: CaseMembersService,
  ) {}

  @Endpoint('POST', {
    summary: 'Open a case for a citizen (without `responsibleId` it waits in the team’s intake queue)',
    response: [201, Case],
    problems: {
      403: OVERRIDE,
      404: 'The citizen in `citizenId` is not within your reach',
      409: 'The citizen already has an active case, or the caseload ceiling would be passed',
    },
  })
  createCase(@Actor() actor: StaffActor, @ZBody(CreateCase) body: CreateCase): Promise<Case> {
    return this.cases.create(actor, body);
  }

  @Endpoint('GET', {
    summary: "List my and my teams' cases, sorted, with active cases and weight per responsible person",
    response: [200, CaseList],
  })
  listCases(@Actor() actor: StaffActor, @ZQuery(CaseQuery) query: CaseFilterQuery): Promise<CaseList> {
    return this.cases.list(actor, query);
  }

  @Endpoint('GET :id', { summary: 'Read a case', response: [200, Case] })
  getCase(@Actor() actor: StaffActor, @UuidParam('id', 'Case') id: string): Promise<Case> {
    return this.cases.get(actor, id);
  }

  @Endpoint('PATCH :id', {
    summary: 'Change a case (status, responsible, weight, benefit)',
    response: [200, Case],
    problems: { 403: OVERRIDE, 409: 'The caseload ceiling would be passed' },
  })
  updateCase(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(UpdateCase) body: UpdateCase,
  ): Promise<Case> {
    return this.cases.update(actor, id, body);
  }

  @Endpoint('PUT :id/members', {
    summary: "Add or change a member of a case (an active caseworker or health worker of the case's team)",
    response: [200, Case],
    problems: { 400: "`staffId` is not a caseworker or health worker of the case's team (or is an administrator)" },
  })
  setCaseMember(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(SetCaseMember) body: SetCaseMember,
  ): Promise<Case> {
    return this.cases.setMember(actor, id, body);
  }

  @Endpoint('DELETE :id/members/:staffId', {
    summary: 'Remove a member from a case (the responsible person is changed on the case instead)',
    response: [204],
    problems: { 404: 'The case, or the member on it, is not within your reach' },
  })
  removeCaseMember(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @UuidParam('staffId', 'Member') staffId: string,
  ): Promise<void> {
    return this.members.remove(actor, id, staffId);
  }

  @Endpoint('GET :id/colleagues', {
    summary:
      "The case team's caseworkers and health staff, to name as an effort's owner or invite to a meeting (naming one makes them a member)",
    response: [200, CaseColleagueList],
  })
  listCaseColleagues(@Actor() actor: StaffActor, @UuidParam('id', 'Case') id: string): Promise<CaseColleagueList> {
    return this.members.colleagues(actor, id);
  }

  @Endpoint('POST :id/assign', {
    summary: 'Give a case (e.g. from the intake queue) to a responsible person',
    response: [200, Case],
    problems: {
      403: OVERRIDE,
      409: 'The caseload ceiling would be passed (the problem suggests colleagues with room)',
    },
  })
  assignCase(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(AssignCase) body: AssignCase,
  ): Promise<Case> {
    return this.cases.assign(actor, id, body);
  }

  @Endpoint('GET :id/assignments', {
    summary: "A case's assignment history (who, from, to, when, why), oldest first",
    response: [200, CaseAssignmentList],
  })
  async listAssignments(@Actor() actor: StaffActor, @UuidParam('id', 'Case') id: string): Promise<CaseAssignmentList> {
    return { items: await this.cases.assignments(actor, id) };
  }

  @Endpoint('GET :id/assignment-suggestions', {
    summary: 'Colleagues with room for the case: same discipline, who knows the citizen, lowest utilisation first',
    response: [200, AssignmentSuggestionList],
  })
  async listAssignmentSuggestions(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
  ): Promise<AssignmentSuggestionList> {
    return { items: await this.cases.suggestions(actor, id) };
  }
}
