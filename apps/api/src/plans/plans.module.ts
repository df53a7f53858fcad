import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CitizenRequestEntity } from './citizen-request.entity';
import { EffortEntity } from './effort.entity';
import { IndicatorScoreEntity } from './indicator-score.entity';
import { PlanVersionEntity } from './plan-version.entity';
import { PlanEntity } from './plan.entity';
import { ExemptionEntity } from './exemption.entity';
import { FollowUpController } from './follow-up.controller';
import { FollowUpRepository } from './follow-up.repository';
import { FollowUpService } from './follow-up.service';
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
  ],
  controllers: [PlansController, FollowUpController],
  providers: [PlansService, PlansRepository, FollowUpService, FollowUpRepository],
})
export class PlansModule {}
