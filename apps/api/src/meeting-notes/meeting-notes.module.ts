import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MeetingNotesController } from './meeting-notes.controller';
import { meetingNotesEntities } from './meeting-notes.entity';
import { MeetingNotesRepository } from './meeting-notes.repository';
import { MeetingNotesService } from './meeting-notes.service';

@Module({
  imports: [TypeOrmModule.forFeature(meetingNotesEntities)],
  controllers: [MeetingNotesController],
  providers: [MeetingNotesService, MeetingNotesRepository],
  exports: [MeetingNotesService],
})
export class MeetingNotesModule {}
