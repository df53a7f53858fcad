import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CaseloadModule } from '../caseload/caseload.module';
import { GuestsModule } from '../guests/guests.module';
import { MeetingNotesModule } from '../meeting-notes/meeting-notes.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { NotesRelay } from './notes-relay';
import { RealtimeRooms } from './realtime-rooms';
import { RealtimeServer } from './realtime-server';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimeListener } from './realtime.listener';
import { SocketAuth } from './socket-auth';
import { SocketRevalidation } from './socket-revalidation';

@Global()
@Module({
  imports: [AuthModule, CaseloadModule, GuestsModule, MeetingsModule, MeetingNotesModule],
  providers: [
    RealtimeGateway,
    RealtimeListener,
    RealtimeServer,
    SocketAuth,
    RealtimeRooms,
    NotesRelay,
    SocketRevalidation,
  ],
  exports: [RealtimeGateway],
})
export class RealtimeModule {}
