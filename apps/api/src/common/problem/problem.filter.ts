import { type ArgumentsHost, Catch, type ExceptionFilter, Inject } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { isPublicPath } from '../auth/session-cookie';
import { LOGGER } from '../logging/logger.provider';
import { DATABASE_RETRY_AFTER, DatabaseOutage } from './database-outage';
import { unauthorized } from './problem';
import { toProblem } from './to-problem';

const BODY_ERRORS = new Set([400, 413, 415]);

/** Every error, Nest's and fastify's (bad JSON, media type, size), as application/problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly outage: DatabaseOutage,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const http = host.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    let body = toProblem(exception);
    // A protected route answers 401 before it validates anything, body parsing (400, 413, 415) included.
    if (BODY_ERRORS.has(body.status) && !req.actor && !isPublicPath(req.url)) body = toProblem(unauthorized());
    const reply = http.getResponse<FastifyReply>();
    if (body.code === 'DATABASE_UNAVAILABLE') {
      this.outage.failed(exception);
      void reply.header('retry-after', String(DATABASE_RETRY_AFTER));
    } else if (body.status >= 500) {
      this.logger.error({ err: exception }, 'unhandled error');
    }
    void reply.status(body.status).header('content-type', 'application/problem+json').send(body);
  }
}
