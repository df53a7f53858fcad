import type { IncomingHttpHeaders } from 'node:http';
import { problemBody, type ProblemBody } from '../problem/problem';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Methods that may change something; a browser sends these cross-site too. */
export const isMutating = (method: string) => !SAFE_METHODS.has(method);

/**
 * A present `Origin` must name the request's own host. `null` (sandboxed frames, file: pages, some
 * redirects) and anything unparsable count as another origin; no `Origin` at all is a non-browser client.
 */
export function isForeignOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** As fastify decides whether to parse: a length above 0, or a streamed (chunked) body. */
const hasBody = (headers: IncomingHttpHeaders) =>
  headers['transfer-encoding'] !== undefined ||
  (headers['content-length'] !== undefined && headers['content-length'] !== '0');

/** `application/json`, with no parameter but an optional UTF-8 charset (RFC 8259: JSON is UTF-8). */
export function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [type, ...params] = contentType.split(';').map((p) => p.trim().toLowerCase());
  return type === 'application/json' && params.every((p) => p === '' || /^charset="?utf-8"?$/.test(p));
}

/**
 * Decided from the headers, before the body is read: a mutating request's body must be JSON (415;
 * forms and text/plain are what a cross-site page can send without CORS) and within the limit (413).
 * A chunked body past the limit is stopped by fastify's parser and answered as 413 by the filter.
 */
export function refuseBody(method: string, headers: IncomingHttpHeaders, bodyLimit: number): ProblemBody | null {
  if (!isMutating(method) || !hasBody(headers)) return null;
  if (!isJson(headers['content-type'])) {
    return problemBody(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json.');
  }
  if (Number(headers['content-length']) > bodyLimit) {
    return problemBody(413, 'BODY_TOO_LARGE', `The request body is larger than ${bodyLimit} bytes.`);
  }
  return null;
}
