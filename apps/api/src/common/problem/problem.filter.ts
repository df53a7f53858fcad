import { type ArgumentsHost, Catch, type ExceptionFilter, Inject } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { isPublicPath } from '../auth/session-cookie';
import { LOGGER } from '../logging/logger.provider';
import { unauthorized } from './problem';
import { toProblem } from './to-problem';

const BODY_ERRORS = new Set([400, 413, 415]);

/** Every error, Nest's and fastify's (bad JSON, media type, size), as application/problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const http = host.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    let body = toProblem(exception);
    // A protected route answers 401 before it validates anything, body parsing (400, 413, 415) included.
    if (BODY_ERRORS.has(body.status) && !req.actor && !isPublicPath(req.url)) body = toProblem(unauthorized());
    if (body.status >= 500) this.logger.error({ err: exception }, 'unhandled error');
    void http
      .getResponse<FastifyReply>()
      .status(body.status)
      .header('content-type', 'application/problem+json')
      .send(body);
  }
}
