import type { CeilingSuggestion, ProblemCode, ProblemFieldError } from '@tvaers/contracts';

/** One entry of a problem's `errors` (contract ProblemFieldError): a path and a message, sometimes more. */
export type FieldError = ProblemFieldError;

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const titleFor = (status: number): string => TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Error');

/** An error the API answers as an RFC 9457 problem document; `code` is stable for clients. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    detail: string,
    readonly errors?: FieldError[],
    /** Extension members of the problem document (RFC 9457 §3.2), e.g. `suggestions`; keys of the Problem contract. */
    readonly extensions?: Pick<ProblemBody, 'suggestions'>,
  ) {
    super(detail);
  }
}

export const validationFailed = (errors: FieldError[]) =>
  new ProblemError(400, 'VALIDATION_FAILED', 'The request has invalid fields.', errors);
export const unauthorized = () => new ProblemError(401, 'UNAUTHENTICATED', 'Log in to use this resource.');
export const forbidden = (detail = 'Your role does not allow this.') => new ProblemError(403, 'FORBIDDEN', detail);
export const notFound = (what = 'Resource') => new ProblemError(404, 'NOT_FOUND', `${what} not found.`);

export interface ProblemBody {
  type: string;
  status: number;
  title: string;
  detail?: string;
  code: ProblemCode;
  errors?: FieldError[];
  suggestions?: CeilingSuggestion[];
}

export function problemBody(
  status: number,
  code: ProblemCode,
  detail?: string,
  errors?: FieldError[],
  extensions?: Pick<ProblemBody, 'suggestions'>,
): ProblemBody {
  return {
    type: 'about:blank',
    status,
    title: titleFor(status),
    detail,
    code,
    ...(errors ? { errors } : {}),
    ...extensions,
  };
}
