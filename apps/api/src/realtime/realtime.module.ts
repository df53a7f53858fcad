import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CaseloadModule } from '../caseload/caseload.module';
import { GuestsModule } from '../guests/guests.module';
import { MeetingNotesModule } from '../meeting-notes/meeting-notes.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimeListener } from './realtime.listener';

@Global()
@Module({
  imports: [AuthModule, CaseloadModule, GuestsModule, MeetingsModule, MeetingNotesModule],
  providers: [RealtimeGateway, RealtimeListener],
  exports: [RealtimeGateway],
})
export class RealtimeModule {}
