import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseMembersModule } from '../cases/case-members.module';
import { EffortEntity } from './effort.entity';
import { PlanVersionEntity } from './plan-version.entity';
import { PlanEntity } from './plan.entity';
import { PlanCreator } from './plan-creator';
import { PlansController } from './plans.controller';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';

export const plansEntities = [PlanEntity, PlanVersionEntity, EffortEntity];

@Module({
  imports: [TypeOrmModule.forFeature(plansEntities), CaseMembersModule],
  controllers: [PlansController],
  providers: [PlansService, PlansRepository, PlanCreator],
  // A new case starts with its plan, in the case's transaction; a guest link shows a plan excerpt.
  exports: [PlanCreator, PlansService],
})
export class PlansModule {}
