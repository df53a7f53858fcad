import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { AccessModule } from './access/access.module';
import { AdminModule } from './admin/admin.module';
import { AuditModule } from './audit/audit.module';
import { AvailabilityModule } from './availability/availability.module';
import { AuthModule } from './auth/auth.module';
import { CaseloadModule } from './caseload/caseload.module';
import { CasesModule } from './cases/cases.module';
import { CitizensModule } from './citizens/citizens.module';
import { DomainEventsModule } from './common/events/domain-events';
import { PlansModule } from './plans/plans.module';
import { ProgressModule } from './progress/progress.module';
import { RequestsModule } from './requests/requests.module';
import { RetentionModule } from './retention/retention.module';
import { WorklistModule } from './worklist/worklist.module';
import { AuthGuard } from './common/auth/auth.guard';
import { dataSourceOptions } from './common/database/data-source';
import { transactionsModule } from './common/database/transactions.module';
import { LOGGER } from './common/logging/logger.provider';
import { DatabaseOutage } from './common/problem/database-outage';
import { ProblemFilter } from './common/problem/problem.filter';
import { APP_CONFIG, type AppConfig } from './config/config';
import { MailTransport } from './mail/mail-transport';
import { GuestsModule } from './guests/guests.module';
import { HealthModule } from './health/health.module';
import { InvitationsModule } from './invitations/invitations.module';
import { JOB_DATABASE_URL, JobQueue } from './jobs/job-queue';
import { MeetingsModule } from './meetings/meetings.module';
import { OutcomesModule } from './outcomes/outcomes.module';
import { PeopleModule } from './people/people.module';
import { RealtimeModule } from './realtime/realtime.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        // First, as its route comes first in the generated OpenAPI document.
        HealthModule,
        // Each module registers its entities (forFeature); ./entities.ts gathers the same list for the CLI and tests.
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), autoLoadEntities: true }),
        transactionsModule(),
        // Periodic jobs (pruning, socket revalidation); their intervals are cleared when the app closes.
        ScheduleModule.forRoot(),
        DomainEventsModule,
        AuditModule,
        AccessModule,
        PeopleModule,
        AuthModule,
        RealtimeModule,
        MeetingsModule,
        AvailabilityModule,
        CitizensModule,
        CaseloadModule,
        CasesModule,
        PlansModule,
        RequestsModule,
        ProgressModule,
        WorklistModule,
        GuestsModule,
        InvitationsModule,
        AdminModule,
        OutcomesModule,
        RetentionModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: JOB_DATABASE_URL, useValue: databaseUrl },
        { provide: LOGGER, useValue: logger },
        MailTransport,
        // Durable jobs: any module queues them (in its change's transaction), the invitations module works them.
        JobQueue,
        { provide: APP_GUARD, useClass: AuthGuard },
        DatabaseOutage,
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
      exports: [APP_CONFIG, LOGGER, JOB_DATABASE_URL, MailTransport, JobQueue],
    };
  }
}
