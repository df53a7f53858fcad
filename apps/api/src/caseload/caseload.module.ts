import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseloadController } from './caseload.controller';
import { CaseloadRepository } from './caseload.repository';
import { CaseloadService } from './caseload.service';
import { BenefitWeightEntity, TargetGroupEntity } from './target-group.entity';

export const caseloadEntities = [TargetGroupEntity, BenefitWeightEntity];

@Module({
  imports: [TypeOrmModule.forFeature(caseloadEntities)],
  controllers: [CaseloadController],
  providers: [CaseloadService, CaseloadRepository],
  exports: [CaseloadService],
})
export class CaseloadModule {}
