import { Problem, type ProblemCode } from '@tvaers/contracts';
import createClient from 'openapi-fetch';
import type { paths } from './schema';

/** An answer other than 2xx, carrying the API's RFC 9457 problem document. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** The contract's code; a problem whose code the web does not know is read without one (by its status). */
  get code(): ProblemCode | undefined {
    return this.problem.code;
  }
}

/** Raised when the server could not be reached at all (network down, proxy without API). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('The Tværs server could not be reached', { cause });
    this.name = 'NetworkError';
  }
}

/**
 * The one way to call the Tværs API: typed by the paths generated from docs/openapi.json
 * (`npm run api:generate -w apps/web`), so a route or parameter the contract lacks does not compile.
 * JSON in and out, the session cookie on the same origin.
 */
export const api = createClient<paths>({
  credentials: 'same-origin',
  headers: { Accept: 'application/json, application/problem+json' },
});

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** Subscribe to "the session is gone" (a 401 from a protected route); returns the unsubscribe. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function toProblem(body: unknown, response: Response): Problem {
  const parsed = Problem.safeParse(body);
  if (parsed.success) return { ...parsed.data, status: response.status };
  return { status: response.status, title: response.statusText || `HTTP ${response.status}` };
}

/** Anything that can check an answer: the contract lib's zod schemas fit. */
export interface ResponseSchema<T> {
  parse(data: unknown): T;
}

export interface UnwrapOptions {
  /**
   * A 401 normally means the session has ended, and the app goes to the login page.
   * Login itself and the session probe answer 401 as an ordinary result: they turn this off.
   */
  reportUnauthorized?: boolean;
}

interface ClientResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * Settles a call made with `api`: a non-2xx answer throws an ApiError with the problem document,
 * an unreachable server a NetworkError. With a schema, the answer is validated against the shared
 * contract's zod schema (the generated types say what the document promises; zod checks it arrived).
 */
export async function unwrap<T>(
  call: Promise<ClientResult>,
  schema: ResponseSchema<T>,
  options?: UnwrapOptions,
): Promise<T>;
export async function unwrap(call: Promise<ClientResult>, schema?: undefined, options?: UnwrapOptions): Promise<void>;
export async function unwrap(
  call: Promise<ClientResult>,
  schema?: ResponseSchema<unknown>,
  { reportUnauthorized = true }: UnwrapOptions = {},
): Promise<unknown> {
  let result: ClientResult;
  try {
    result = await call;
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new NetworkError(error);
  }
  const { response } = result;
  if (!response.ok) {
    if (response.status === 401 && reportUnauthorized) {
      for (const listener of unauthorizedListeners) listener();
    }
    throw new ApiError(toProblem(result.error, response));
  }
  return schema ? schema.parse(result.data) : undefined;
}

/** Settles a call whose answer is a list (`{ items }`, checked by `schema`), giving the items. */
export async function unwrapItems<T>(
  call: Promise<ClientResult>,
  schema: ResponseSchema<{ items: T[] }>,
): Promise<T[]> {
  return (await unwrap(call, schema)).items;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
