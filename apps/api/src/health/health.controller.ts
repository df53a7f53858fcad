import { Controller, Res } from '@nestjs/common';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ApiTags } from '@nestjs/swagger';
import { Health } from '@tvaers/contracts';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/auth/decorators';
import { DATABASE_RETRY_AFTER } from '../common/problem/database-outage';
import { ZResponse } from '../common/validation/zod';
import { Endpoint } from '../common/http/endpoint';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly checks: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  @Public()
  @Endpoint('GET', {
    summary: 'Check that the API and its database answer',
    response: [200, Health],
  })
  @ZResponse(503, Health, 'Database unavailable')
  async getHealth(@Res({ passthrough: true }) reply: FastifyReply): Promise<Health> {
    try {
      // Terminus answers 503 by throwing; the contract's body stays `{status}` either way.
      await this.checks.check([() => this.db.pingCheck('database', { timeout: 2000 })]);
      return { status: 'ok' };
    } catch {
      void reply.status(503).header('retry-after', String(DATABASE_RETRY_AFTER));
      return { status: 'unavailable' };
    }
  }
}
