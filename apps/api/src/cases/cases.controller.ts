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

@StaffController('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly members: CaseMembersService,
  ) {}

  @Endpoint({
    method: 'POST',
    operationId: 'createCase',
    summary: 'Open a case for a citizen (without `responsibleId` it waits in the team’s intake queue)',
    response: [201, Case],
    problems: {
      403: 'Only a manager may override a caseload ceiling',
      404: 'The citizen in `citizenId` is not within your reach',
      409: 'The citizen already has an active case, or the caseload ceiling would be passed',
    },
  })
  create(@Actor() actor: StaffActor, @ZBody(CreateCase) body: CreateCase): Promise<Case> {
    return this.cases.create(actor, body);
  }

  @Endpoint({
    method: 'GET',
    operationId: 'listCases',
    summary: "List my and my teams' cases, sorted, with active cases and weight per responsible person",
    response: [200, CaseList],
  })
  list(@Actor() actor: StaffActor, @ZQuery(CaseQuery) query: CaseFilterQuery): Promise<CaseList> {
    return this.cases.list(actor, query);
  }

  @Endpoint({ method: 'GET', operationId: 'getCase', path: ':id', summary: 'Read a case', response: [200, Case] })
  get(@Actor() actor: StaffActor, @UuidParam('id', 'Case') id: string): Promise<Case> {
    return this.cases.get(actor, id);
  }

  @Endpoint({
    method: 'PATCH',
    operationId: 'updateCase',
    path: ':id',
    summary: 'Change a case (status, responsible, weight, benefit)',
    response: [200, Case],
    problems: { 403: 'Only a manager may override a caseload ceiling', 409: 'The caseload ceiling would be passed' },
  })
  update(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(UpdateCase) body: UpdateCase,
  ): Promise<Case> {
    return this.cases.update(actor, id, body);
  }

  @Endpoint({
    method: 'PUT',
    operationId: 'setCaseMember',
    path: ':id/members',
    summary: "Add or change a member of a case (an active caseworker or health worker of the case's team)",
    response: [200, Case],
    problems: { 400: "`staffId` is not a caseworker or health worker of the case's team (or is an administrator)" },
  })
  setMember(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(SetCaseMember) body: SetCaseMember,
  ): Promise<Case> {
    return this.cases.setMember(actor, id, body);
  }

  @Endpoint({
    method: 'DELETE',
    operationId: 'removeCaseMember',
    path: ':id/members/:staffId',
    summary: 'Remove a member from a case (the responsible person is changed on the case instead)',
    response: [204],
    problems: { 404: 'The case, or the member on it, is not within your reach' },
  })
  removeMember(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @UuidParam('staffId', 'Member') staffId: string,
  ): Promise<void> {
    return this.members.remove(actor, id, staffId);
  }

  @Endpoint({
    method: 'GET',
    operationId: 'listCaseColleagues',
    path: ':id/colleagues',
    summary:
      "The case team's caseworkers and health staff, to name as an effort's owner or invite to a meeting (naming one makes them a member)",
    response: [200, CaseColleagueList],
  })
  colleagues(@Actor() actor: StaffActor, @UuidParam('id', 'Case') id: string): Promise<CaseColleagueList> {
    return this.members.colleagues(actor, id);
  }

  @Endpoint({
    method: 'POST',
    operationId: 'assignCase',
    path: ':id/assign',
    summary: 'Give a case (e.g. from the intake queue) to a responsible person',
    response: [200, Case],
    problems: {
      403: 'Only a manager may override a caseload ceiling',
      409: 'The caseload ceiling would be passed (the problem suggests colleagues with room)',
    },
  })
  assign(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(AssignCase) body: AssignCase,
  ): Promise<Case> {
    return this.cases.assign(actor, id, body);
  }

  @Endpoint({
    method: 'GET',
    operationId: 'listAssignments',
    path: ':id/assignments',
    summary: "A case's assignment history (who, from, to, when, why), oldest first",
    response: [200, CaseAssignmentList],
  })
  async assignments(@Actor() actor: StaffActor, @UuidParam('id', 'Case') id: string): Promise<CaseAssignmentList> {
    return { items: await this.cases.assignments(actor, id) };
  }

  @Endpoint({
    method: 'GET',
    operationId: 'listAssignmentSuggestions',
    path: ':id/assignment-suggestions',
    summary: 'Colleagues with room for the case: same discipline, who knows the citizen, lowest utilisation first',
    response: [200, AssignmentSuggestionList],
  })
  async suggestions(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
  ): Promise<AssignmentSuggestionList> {
    return { items: await this.cases.suggestions(actor, id) };
  }
}
