import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlanCreator } from '../plans/plan-creator';
import { CaseMemberEntity } from './case-member.entity';
import { CaseEntity } from './case.entity';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

@Module({
  imports: [TypeOrmModule.forFeature([CaseEntity, CaseMemberEntity])],
  controllers: [CasesController],
  providers: [CasesService, CasesRepository, PlanCreator],
})
export class CasesModule {}
