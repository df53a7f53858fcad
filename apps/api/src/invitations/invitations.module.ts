import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GuestsModule } from '../guests/guests.module';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { JOB_DATABASE_URL, JobQueue } from './job-queue';
import { OutboxController } from './outbox.controller';
import { OutboxMailEntity } from './outbox.entity';

export const invitationsEntities = [OutboxMailEntity];

@Module({})
export class InvitationsModule {
  /** `databaseUrl`: the application's connection, which the job queue shares (its own pool). */
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: InvitationsModule,
      imports: [TypeOrmModule.forFeature(invitationsEntities), GuestsModule],
      controllers: [OutboxController],
      providers: [
        { provide: JOB_DATABASE_URL, useValue: databaseUrl },
        JobQueue,
        InvitationsRepository,
        InvitationsService,
      ],
      exports: [JobQueue, InvitationsService],
    };
  }
}
