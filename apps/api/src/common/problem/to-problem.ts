import { HttpException } from '@nestjs/common';
import { problemBody, ProblemError, type ProblemBody } from './problem';

const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/** Nest hands fastify's body errors over as plain HttpExceptions; name the two a client can act on. */
function clientError(status: number, message: string): ProblemBody {
  if (status === 400 && /empty/i.test(message)) return problemBody(400, 'EMPTY_BODY', 'The request body is empty.');
  if (status === 400 && /JSON/i.test(message))
    return problemBody(400, 'MALFORMED_JSON', 'The request body is not valid JSON.');
  return problemBody(status, CODES[status] ?? `HTTP_${status}`, message);
}

/** One mapping from anything thrown to a problem document; unknown errors are 500s that reveal nothing. */
export function toProblem(err: unknown): ProblemBody {
  if (err instanceof ProblemError) return problemBody(err.status, err.code, err.message, err.errors);
  if (err instanceof HttpException && err.getStatus() < 500) return clientError(err.getStatus(), err.message);
  return problemBody(500, 'INTERNAL_ERROR', 'Something went wrong on our side. It has been logged.');
}
