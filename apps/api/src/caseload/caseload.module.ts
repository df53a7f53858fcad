import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '../people/people.module';
import { CaseloadController } from './caseload.controller';
import { CaseloadRepository } from './caseload.repository';
import { CaseloadService } from './caseload.service';
import { CeilingService } from './ceiling.service';
import { BenefitWeightEntity, TargetGroupEntity } from './target-group.entity';

export const caseloadEntities = [TargetGroupEntity, BenefitWeightEntity];

@Module({
  imports: [TypeOrmModule.forFeature(caseloadEntities), PeopleModule],
  controllers: [CaseloadController],
  providers: [CaseloadService, CeilingService, CaseloadRepository],
  // Cases ask the ceiling rule before giving a case to someone.
  exports: [CaseloadService, CeilingService],
})
export class CaseloadModule {}
