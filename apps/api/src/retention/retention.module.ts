import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CitizensModule } from '../citizens/citizens.module';
import { GuestsModule } from '../guests/guests.module';
import { InvitationsModule } from '../invitations/invitations.module';
import { MeetingNotesModule } from '../meeting-notes/meeting-notes.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { PlansModule } from '../plans/plans.module';
import { ProgressModule } from '../progress/progress.module';
import { RequestsModule } from '../requests/requests.module';
import { RetentionRepository } from './retention.repository';
import { RetentionService } from './retention.service';

/** The retention job asks each context to clear what it holds of an anonymised citizen. */
@Module({
  imports: [
    CitizensModule,
    GuestsModule,
    InvitationsModule,
    MeetingNotesModule,
    MeetingsModule,
    PlansModule,
    RequestsModule,
    ProgressModule,
    CasesModule,
  ],
  providers: [RetentionRepository, RetentionService],
})
export class RetentionModule {}
