import { Problem } from '@tvaers/contracts';

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

  get code(): string | undefined {
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

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  query?: Record<string, string | undefined>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /**
   * A 401 normally means the session has ended, and the app goes to the login page.
   * Login itself and the session probe answer 401 as an ordinary result: they turn this off.
   */
  reportUnauthorized?: boolean;
}

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** Subscribe to "the session is gone" (a 401 from a protected route); returns the unsubscribe. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const url = `/api${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, value);
  }
  const search = params.toString();
  return search ? `${url}?${search}` : url;
}

async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = { status: response.status, title: response.statusText || `HTTP ${response.status}` };
  const text = await response.text().catch(() => '');
  if (!text) return fallback;
  try {
    const parsed = Problem.safeParse(JSON.parse(text));
    return parsed.success ? { ...parsed.data, status: response.status } : fallback;
  } catch {
    return fallback;
  }
}

/** Anything that can check an answer: the contract lib's zod schemas fit. */
export interface ResponseSchema<T> {
  parse(data: unknown): T;
}

/**
 * Calls the Tværs API: JSON in and out, the session cookie on the same origin.
 * With a schema, the answer is validated against the shared contract.
 */
export async function request<T>(path: string, schema: ResponseSchema<T>, options?: RequestOptions): Promise<T>;
export async function request(path: string, schema?: undefined, options?: RequestOptions): Promise<unknown>;
export async function request(
  path: string,
  schema?: ResponseSchema<unknown>,
  options: RequestOptions = {},
): Promise<unknown> {
  const { method = 'GET', body, query, headers, signal, reportUnauthorized = true } = options;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json, application/problem+json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && reportUnauthorized) {
      for (const listener of unauthorizedListeners) listener();
    }
    throw new ApiError(problem);
  }

  if (response.status === 204) return undefined;
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  return schema ? schema.parse(data) : data;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
