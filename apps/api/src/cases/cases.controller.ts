import { Controller, Get, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Case, CaseList, CaseQuery, CreateCase, SetCaseMember, UpdateCase } from '@tvaers/contracts';
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffOnly } from '../common/auth/decorators';
import { UuidParam } from '../common/validation/uuid-param';
import { ZBody, ZQuery, ZResponse } from '../common/validation/zod';
import { ApiProblem } from '../common/http/openapi';
import { CasesService } from './cases.service';

@ApiTags('cases')
@StaffOnly()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @ApiOperation({ summary: 'Open a case for a citizen' })
  @ApiProblem(403, 'Only a manager may override a caseload ceiling')
  @ApiProblem(404, 'The citizen in `citizenId` is not within your reach')
  @ApiProblem(409, 'The citizen already has an active case, or the caseload ceiling would be passed')
  @ZResponse(201, Case, 'Created')
  create(@Actor() actor: StaffActor, @ZBody(CreateCase) body: CreateCase): Promise<Case> {
    return this.cases.create(actor, body);
  }

  @Get()
  @ApiOperation({ summary: "List my and my teams' cases" })
  @ZResponse(200, CaseList)
  async list(@Actor() actor: StaffActor, @ZQuery(CaseQuery) query: CaseQuery): Promise<CaseList> {
    return { items: await this.cases.list(actor, query) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a case' })
  @ZResponse(200, Case)
  get(@Actor() actor: StaffActor, @UuidParam('id', 'Case') id: string): Promise<Case> {
    return this.cases.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a case (status, responsible, weight, benefit)' })
  @ApiProblem(403, 'Only a manager may override a caseload ceiling')
  @ApiProblem(409, 'The caseload ceiling would be passed')
  @ZResponse(200, Case)
  update(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(UpdateCase) body: UpdateCase,
  ): Promise<Case> {
    return this.cases.update(actor, id, body);
  }

  @Put(':id/members')
  @ApiOperation({ summary: 'Add or change a member of a case' })
  @ZResponse(200, Case)
  setMember(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(SetCaseMember) body: SetCaseMember,
  ): Promise<Case> {
    return this.cases.setMember(actor, id, body);
  }
}
