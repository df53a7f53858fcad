import { applyDecorators, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { z } from 'zod';
import { ZResponse } from '../validation/zod';
import { ApiProblem, type HeaderObject } from './openapi';

const METHODS = { GET: Get, POST: Post, PUT: Put, PATCH: Patch, DELETE: Delete };

type Problem = string | { description: string; headers: Record<string, HeaderObject> };

export interface EndpointSpec {
  method: keyof typeof METHODS;
  /** Below the controller's path; none for the controller's own. */
  path?: string;
  summary: string;
  /** The route's name in the OpenAPI document and the generated clients: a camelCase verb and noun (`listWorklist`). */
  operationId?: string;
  /** The success status and the contract schema of its body; `[204]` for an empty answer, `[302]` for a redirect. */
  response: [status: number, schema: z.ZodType] | [status: 204 | 302];
  /** The success answer's media type when it is not JSON (e.g. `text/csv`); its schema is then a string. */
  produces?: string;
  /** The 4xx answers this route gives for its own reasons (those every route shares are added by buildOpenApi). */
  problems?: Record<number, Problem>;
}

/**
 * A route and its OpenAPI description in one decorator: method and path, summary, its own problems and its
 * success answer. A status other than the method's default (201 for POST, 200 otherwise) is also the one it sends.
 */
export function Endpoint({
  method,
  path,
  summary,
  operationId,
  response: [status, schema],
  produces,
  problems = {},
}: EndpointSpec) {
  const byDefault = method === 'POST' ? 201 : 200;
  return applyDecorators(
    ...(produces
      ? [ApiResponse({ status, description: 'OK', content: { [produces]: { schema: { type: 'string' } } } })]
      : schema
        ? [ZResponse(status, schema, status === 201 ? 'Created' : 'OK')]
        : status === 302
          ? [ApiResponse({ status, description: 'Found', headers: { Location: { schema: { type: 'string' } } } })]
          : [ApiResponse({ status, description: 'No Content' })]),
    ...(status === byDefault ? [] : [HttpCode(status)]),
    ...Object.entries(problems).map(([code, p]) =>
      typeof p === 'string' ? ApiProblem(Number(code), p) : ApiProblem(Number(code), p.description, p.headers),
    ),
    ApiOperation({ summary, ...(operationId ? { operationId } : {}) }),
    METHODS[method](path),
  );
}
