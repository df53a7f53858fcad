import { Global, Module } from '@nestjs/common';
import { AccessLogService } from './access-log.service';
import { AuditRepository } from './audit.repository';

@Global()
@Module({ providers: [AuditRepository, AccessLogService], exports: [AccessLogService] })
export class AuditModule {}
