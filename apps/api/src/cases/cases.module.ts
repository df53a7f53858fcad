import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseloadModule } from '../caseload/caseload.module';
import { PlansModule } from '../plans/plans.module';
import { CaseMembersModule } from './case-members.module';
import { CaseMovesController } from './case-moves.controller';
import { CaseAssignmentEntity } from './case-assignment.entity';
import { CaseMemberEntity } from './case-member.entity';
import { CaseEntity } from './case.entity';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

export const casesEntities = [CaseEntity, CaseMemberEntity, CaseAssignmentEntity];

@Module({
  imports: [TypeOrmModule.forFeature(casesEntities), PlansModule, CaseloadModule, CaseMembersModule],
  controllers: [CasesController, CaseMovesController],
  providers: [CasesService, CasesRepository],
  // Administration hands a deactivated person's cases to the intake queue.
  exports: [CasesService],
})
export class CasesModule {}
