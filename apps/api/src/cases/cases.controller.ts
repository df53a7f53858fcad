import { Controller, Get, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Case, CaseList, CaseQuery, CreateCase, SetCaseMember, UpdateCase } from '@tvaers/contracts';
import type { StaffActor } from '../common/auth/actor';
import { Actor, StaffOnly } from '../common/auth/decorators';
import { UuidParam } from '../common/validation/uuid-param';
import { ZBody, ZQuery, ZResponse } from '../common/validation/zod';
import { CasesService } from './cases.service';

@ApiTags('cases')
@StaffOnly()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @ZResponse(201, Case, 'Created')
  create(@Actor() actor: StaffActor, @ZBody(CreateCase) body: CreateCase): Promise<Case> {
    return this.cases.create(actor, body);
  }

  @Get()
  @ZResponse(200, CaseList)
  async list(@Actor() actor: StaffActor, @ZQuery(CaseQuery) query: CaseQuery): Promise<CaseList> {
    return { items: await this.cases.list(actor, query) };
  }

  @Get(':id')
  @ZResponse(200, Case)
  get(@Actor() actor: StaffActor, @UuidParam('id', 'Case') id: string): Promise<Case> {
    return this.cases.get(actor, id);
  }

  @Patch(':id')
  @ZResponse(200, Case)
  update(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(UpdateCase) body: UpdateCase,
  ): Promise<Case> {
    return this.cases.update(actor, id, body);
  }

  @Put(':id/members')
  @ZResponse(200, Case)
  setMember(
    @Actor() actor: StaffActor,
    @UuidParam('id', 'Case') id: string,
    @ZBody(SetCaseMember) body: SetCaseMember,
  ): Promise<Case> {
    return this.cases.setMember(actor, id, body);
  }
}
