import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlansModule } from '../plans/plans.module';
import { GuestLinkEntity } from './guest-link.entity';
import { GuestLinksController, HealthStatementsController } from './guest-links.controller';
import { GuestThrottle } from './guest-throttle';
import { GuestThrottleEntity } from './guest-throttle.entity';
import { GuestThrottleRepository } from './guest-throttle.repository';
import { GuestsController } from './guests.controller';
import { GuestsRepository } from './guests.repository';
import { GuestsService } from './guests.service';
import { HealthStatementEntity } from './health-statement.entity';
import { OwnAssessmentEntity } from './own-assessment.entity';

export const guestsEntities = [GuestLinkEntity, GuestThrottleEntity, HealthStatementEntity, OwnAssessmentEntity];

@Module({
  imports: [TypeOrmModule.forFeature(guestsEntities), PlansModule],
  controllers: [GuestsController, GuestLinksController, HealthStatementsController],
  providers: [GuestsService, GuestsRepository, GuestThrottle, GuestThrottleRepository],
  exports: [GuestsService],
})
export class GuestsModule {}
