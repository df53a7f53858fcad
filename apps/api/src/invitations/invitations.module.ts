import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GuestsModule } from '../guests/guests.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { OutboxController } from './outbox.controller';
import { OutboxMailEntity } from './outbox.entity';

export const invitationsEntities = [OutboxMailEntity];

/** Works the mail and reminder queues (JobQueue, from AppModule); the meetings module queues them. */
@Module({
  imports: [TypeOrmModule.forFeature(invitationsEntities), GuestsModule, MeetingsModule],
  controllers: [OutboxController],
  providers: [InvitationsRepository, InvitationsService],
  exports: [InvitationsService],
})
export class InvitationsModule {}
