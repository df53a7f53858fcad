import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GuestsModule } from '../guests/guests.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { JobQueue } from './job-queue';
import { OutboxController } from './outbox.controller';
import { OutboxMailEntity } from './outbox.entity';

export const invitationsEntities = [OutboxMailEntity];

/** The job queue connects with the application's connection (JOB_DATABASE_URL, from AppModule), in its own pool. */
@Module({
  imports: [TypeOrmModule.forFeature(invitationsEntities), GuestsModule, MeetingsModule],
  controllers: [OutboxController],
  providers: [JobQueue, InvitationsRepository, InvitationsService],
  exports: [JobQueue, InvitationsService],
})
export class InvitationsModule {}
