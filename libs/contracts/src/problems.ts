import { z } from 'zod';

/**
 * Every `code` the API answers in a problem document: stable, so clients may switch on them.
 * Add a code here before the API can throw it; never rename one.
 */
export const problemCodes = [
  // 400
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'EMPTY_BODY',
  'MALFORMED_JSON',
  'EXEMPTION_TOO_LONG',
  'EXEMPTION_INVALID_RANGE',
  'NOT_A_PROPOSED_TIME',
  'GUEST_CODE_INVALID',
  'GUEST_CODE_EXPIRED',
  'PASSWORD_LINK_INVALID',
  /** A new password that is common or a simple pattern (besides the length rule). */
  'PASSWORD_TOO_COMMON',
  // 401
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  // 403
  'FORBIDDEN',
  'LOCAL_PASSWORDS_OFF',
  'CROSS_SITE_REQUEST',
  'HEALTH_CONSENT_REQUIRED',
  'GUEST_CODE_REQUIRED',
  'GUEST_LINK_LIMITED',
  // 404, 405
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  // 409
  'CASE_EXISTS',
  'CITIZEN_EXISTS',
  'CASELOAD_CEILING_EXCEEDED',
  'REQUEST_ALREADY_DECIDED',
  'MEETING_NOT_PROPOSED',
  'MEETING_CONFLICT',
  'MEETING_CLOSED',
  'MEETING_NOT_STARTED',
  'GUEST_EMAIL_MISSING',
  'STAFF_EMAIL_EXISTS',
  'LAST_ADMIN',
  'TEAM_EXISTS',
  'STAFF_INACTIVE',
  // 412, 428
  'PLAN_VERSION_CONFLICT',
  'IF_MATCH_REQUIRED',
  // 413, 415
  'BODY_TOO_LARGE',
  /** A meeting's shared notes past their size cap (the write is refused, the notes stay as they were). */
  'NOTES_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  // 429
  'TOO_MANY_LOGIN_ATTEMPTS',
  'TOO_MANY_REQUESTS',
  // 500, 503
  'INTERNAL_ERROR',
  /** PostgreSQL does not answer: try again after `Retry-After` seconds. */
  'DATABASE_UNAVAILABLE',
  /** The mail server did not take a mail that had to go at once (a set-password link): nothing was issued. */
  'MAIL_UNAVAILABLE',
] as const;
export const ProblemCode = z.enum(problemCodes);
export type ProblemCode = z.infer<typeof ProblemCode>;
