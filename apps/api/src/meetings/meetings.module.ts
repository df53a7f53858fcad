import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseMembersModule } from '../cases/case-members.module';
import { PlansModule } from '../plans/plans.module';
import { MeetingChanges } from './meeting-changes';
import { MeetingClashes } from './meeting-clashes';
import { MeetingDecisionEntity } from './meeting-decision.entity';
import { MeetingMailJobs } from './meeting-mail-jobs';
import { MeetingMailService } from './meeting-mail.service';
import { MeetingOutcomeService } from './meeting-outcome.service';
import { MeetingParticipantsService } from './meeting-participants.service';
import { MeetingParticipantEntity } from './meeting-participant.entity';
import { MeetingProposalEntity } from './meeting-proposal.entity';
import { MeetingProposalsService } from './meeting-proposals.service';
import { MeetingScheduleService } from './meeting-schedule.service';
import { MeetingEntity } from './meeting.entity';
import { MeetingsController } from './meetings.controller';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';

export const meetingsEntities = [MeetingEntity, MeetingProposalEntity, MeetingParticipantEntity, MeetingDecisionEntity];

@Module({
  imports: [TypeOrmModule.forFeature(meetingsEntities), PlansModule, CaseMembersModule],
  controllers: [MeetingsController],
  providers: [
    MeetingsService,
    MeetingScheduleService,
    MeetingProposalsService,
    MeetingParticipantsService,
    MeetingOutcomeService,
    MeetingMailService,
    MeetingChanges,
    MeetingClashes,
    MeetingsRepository,
    MeetingMailJobs,
  ],
  exports: [MeetingsService, MeetingProposalsService, MeetingParticipantsService, MeetingMailService, MeetingMailJobs],
})
export class MeetingsModule {}
