import { HttpException } from '@nestjs/common';
import type { ProblemCode } from '@tvaers/contracts';
import { isDatabaseUnavailable } from './database-outage';
import { problemBody, ProblemError, type ProblemBody } from './problem';

const CODES: Partial<Record<number, ProblemCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/** Nest hands fastify's body errors over as plain HttpExceptions; name the two a client can act on. */
function clientError(status: number, message: string): ProblemBody {
  if (status === 400 && /empty/i.test(message)) return problemBody(400, 'EMPTY_BODY', 'The request body is empty.');
  if (status === 400 && /JSON/i.test(message)) {
    return problemBody(400, 'MALFORMED_JSON', 'The request body is not valid JSON.');
  }
  // Any other 4xx keeps its status with the generic code, so every code stays in the one list.
  return problemBody(status, CODES[status] ?? 'BAD_REQUEST', message);
}

/** One mapping from anything thrown to a problem document; unknown errors are 500s that reveal nothing. */
export function toProblem(err: unknown): ProblemBody {
  if (err instanceof ProblemError) return problemBody(err.status, err.code, err.message, err.errors, err.extensions);
  if (err instanceof HttpException && err.getStatus() < 500) return clientError(err.getStatus(), err.message);
  if (isDatabaseUnavailable(err)) {
    return problemBody(503, 'DATABASE_UNAVAILABLE', 'The database is not available. Try again shortly.');
  }
  return problemBody(500, 'INTERNAL_ERROR', 'Something went wrong on our side. It has been logged.');
}
