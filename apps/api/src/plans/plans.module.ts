import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module';
import { CitizensModule } from '../citizens/citizens.module';
import { CitizenRequestEntity } from './citizen-request.entity';
import { EffortEntity } from './effort.entity';
import { IndicatorScoreEntity } from './indicator-score.entity';
import { PlanVersionEntity } from './plan-version.entity';
import { PlanEntity } from './plan.entity';
import { ExemptionEntity } from './exemption.entity';
import { FollowUpController } from './follow-up.controller';
import { FollowUpRepository } from './follow-up.repository';
import { FollowUpService } from './follow-up.service';
import { HealthAccess } from './health-access';
import { PlansController } from './plans.controller';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      PlanEntity,
      PlanVersionEntity,
      EffortEntity,
      IndicatorScoreEntity,
      CitizenRequestEntity,
      ExemptionEntity,
    ]),
    CasesModule,
    CitizensModule,
  ],
  controllers: [PlansController, FollowUpController],
  providers: [PlansService, PlansRepository, FollowUpService, FollowUpRepository, HealthAccess],
  exports: [PlansService],
})
export class PlansModule {}
