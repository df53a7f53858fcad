import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MeetingNotesEntity } from './meeting-notes.entity';
import { MeetingNotesRepository } from './meeting-notes.repository';
import { MeetingNotesService } from './meeting-notes.service';

export const meetingNotesEntities = [MeetingNotesEntity];

@Module({
  imports: [TypeOrmModule.forFeature(meetingNotesEntities)],
  providers: [MeetingNotesService, MeetingNotesRepository],
  exports: [MeetingNotesService],
})
export class MeetingNotesModule {}
