import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Health } from '@tvaers/contracts';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../common/auth/decorators';
import { ZResponse } from '../common/validation/zod';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly ds: DataSource) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Check that the API and its database answer' })
  @ZResponse(200, Health)
  @ZResponse(503, Health, 'Database unavailable')
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<Health> {
    try {
      await Promise.race([
        this.ds.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
      ]);
      return { status: 'ok' };
    } catch {
      void reply.status(503);
      return { status: 'unavailable' };
    }
  }
}
