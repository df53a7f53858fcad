import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CitizensModule } from '../citizens/citizens.module';
import { MeetingNotesModule } from '../meeting-notes/meeting-notes.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { PlansModule } from '../plans/plans.module';
import { GuestCodeEntity, GuestVerificationEntity } from './guest-code.entity';
import { GuestCodes } from './guest-codes';
import { GuestCodesRepository } from './guest-codes.repository';
import { GuestLinkEntity } from './guest-link.entity';
import { GuestLinksController, HealthStatementsController } from './guest-links.controller';
import { GuestThrottle } from './guest-throttle';
import { GuestThrottleEntity } from './guest-throttle.entity';
import { GuestThrottleRepository } from './guest-throttle.repository';
import { GuestsController } from './guests.controller';
import { GuestsRepository } from './guests.repository';
import { GuestsService } from './guests.service';
import { linkSealerProvider } from './link-sealer';
import { HealthStatementReadEntity } from './health-statement-read.entity';
import { HealthStatementEntity } from './health-statement.entity';
import { OwnAssessmentEntity } from './own-assessment.entity';

export const guestsEntities = [
  GuestLinkEntity,
  GuestThrottleEntity,
  GuestCodeEntity,
  GuestVerificationEntity,
  HealthStatementEntity,
  HealthStatementReadEntity,
  OwnAssessmentEntity,
];

@Module({
  imports: [TypeOrmModule.forFeature(guestsEntities), PlansModule, MeetingsModule, CitizensModule, MeetingNotesModule],
  controllers: [GuestsController, GuestLinksController, HealthStatementsController],
  providers: [
    GuestsService,
    GuestsRepository,
    GuestThrottle,
    GuestThrottleRepository,
    GuestCodes,
    GuestCodesRepository,
    linkSealerProvider,
  ],
  exports: [GuestsService],
})
export class GuestsModule {}
