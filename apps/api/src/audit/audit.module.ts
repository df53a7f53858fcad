import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessLogService } from './access-log.service';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditRepository } from './audit.repository';

export const auditEntities = [AuditEntryEntity];

@Global()
@Module({
  imports: [TypeOrmModule.forFeature(auditEntities)],
  providers: [AuditRepository, AccessLogService],
  exports: [AccessLogService],
})
export class AuditModule {}
