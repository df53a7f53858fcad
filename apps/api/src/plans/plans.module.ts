import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseMembersModule } from '../cases/case-members.module';
import { CitizenRequestEntity } from './citizen-request.entity';
import { EffortEntity } from './effort.entity';
import { IndicatorScoreEntity } from './indicator-score.entity';
import { PlanVersionEntity } from './plan-version.entity';
import { PlanEntity } from './plan.entity';
import { ExemptionEntity } from './exemption.entity';
import { FollowUpController } from './follow-up.controller';
import { FollowUpRepository } from './follow-up.repository';
import { FollowUpService } from './follow-up.service';
import { PlanCreator } from './plan-creator';
import { PlansController } from './plans.controller';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';

export const plansEntities = [
  PlanEntity,
  PlanVersionEntity,
  EffortEntity,
  IndicatorScoreEntity,
  CitizenRequestEntity,
  ExemptionEntity,
];

@Module({
  imports: [TypeOrmModule.forFeature(plansEntities), CaseMembersModule],
  controllers: [PlansController, FollowUpController],
  providers: [PlansService, PlansRepository, FollowUpService, FollowUpRepository, PlanCreator],
  // A new case starts with its plan, in the case's transaction; a guest link shows a plan excerpt.
  exports: [PlanCreator, PlansService],
})
export class PlansModule {}
