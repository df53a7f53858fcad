import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { CaseloadModule } from '../caseload/caseload.module';
import { CasesModule } from '../cases/cases.module';
import { PlansModule } from '../plans/plans.module';
import { ProgressModule } from '../progress/progress.module';
import { RequestsModule } from '../requests/requests.module';
import { CprCipher, loadCprKey } from '../common/crypto/cpr-cipher';
import { LOGGER } from '../common/logging/logger.provider';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { CitizenEntity } from './citizen.entity';
import { CitizensController } from './citizens.controller';
import { CitizenExportRepository } from './citizen-export.repository';
import { CitizenExportService } from './citizen-export.service';
import { CitizensRepository } from './citizens.repository';
import { CitizensService } from './citizens.service';
import { ConsentEntity } from './consent.entity';

export const citizensEntities = [CitizenEntity, ConsentEntity];

@Module({
  // These contexts' routes follow the citizens' in the OpenAPI document, as before.
  imports: [
    TypeOrmModule.forFeature(citizensEntities),
    CaseloadModule,
    CasesModule,
    PlansModule,
    RequestsModule,
    ProgressModule,
  ],
  controllers: [CitizensController],
  providers: [
    CitizensService,
    CitizensRepository,
    CitizenExportService,
    CitizenExportRepository,
    {
      provide: CprCipher,
      useFactory: (config: AppConfig, logger: Logger) => new CprCipher(loadCprKey(config, (m) => logger.warn(m))),
      inject: [APP_CONFIG, LOGGER],
    },
  ],
  exports: [CitizensService],
})
export class CitizensModule {}
