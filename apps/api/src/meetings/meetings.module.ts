import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseMembersModule } from '../cases/case-members.module';
import { PlansModule } from '../plans/plans.module';
import { MeetingDecisionEntity } from './meeting-decision.entity';
import { MeetingParticipantEntity } from './meeting-participant.entity';
import { MeetingProposalEntity } from './meeting-proposal.entity';
import { MeetingEntity } from './meeting.entity';
import { MeetingsController } from './meetings.controller';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';
import { MeetingMailJobs } from './meeting-mail-jobs';

export const meetingsEntities = [MeetingEntity, MeetingProposalEntity, MeetingParticipantEntity, MeetingDecisionEntity];

@Module({
  imports: [TypeOrmModule.forFeature(meetingsEntities), PlansModule, CaseMembersModule],
  controllers: [MeetingsController],
  providers: [MeetingsService, MeetingsRepository, MeetingMailJobs],
  exports: [MeetingsService, MeetingMailJobs],
})
export class MeetingsModule {}
