import {
  applyDecorators,
  type CallHandler,
  Delete,
  type ExecutionContext,
  Get,
  HttpCode,
  type NestInterceptor,
  Patch,
  Post,
  Put,
  UseInterceptors,
} from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { z } from 'zod';
import { type CsvFile, sendCsv } from '../csv/csv';
import { ZResponse } from '../validation/zod';
import { ApiProblem, type HeaderObject } from './openapi';

const METHODS = { GET: Get, POST: Post, PUT: Put, PATCH: Patch, DELETE: Delete };
type Method = keyof typeof METHODS;

/** The method and the path below the controller's (`'GET load.csv'`); the method alone for the controller's own. */
export type Route = Method | `${Method} ${string}`;

export type Problem = string | { description: string; headers: Record<string, HeaderObject> };

/** The 4xx answers a route gives for its own reasons (those every route shares are added by buildOpenApi). */
export type Problems = Record<number, Problem>;

export interface EndpointSpec {
  summary: string;
  /** The success status and the contract schema of its body; `[204]` for an empty answer, `[302]` for a redirect. */
  response: [status: number, schema: z.ZodType] | [status: 204 | 302];
  /** The success answer's media type when it is not JSON (e.g. `text/csv`); its schema is then a string. */
  produces?: string;
  problems?: Problems;
}

/**
 * A route and its OpenAPI description in one decorator: method and path, summary, its own problems and its
 * success answer. A status other than the method's default (201 for POST, 200 otherwise) is also the one it sends.
 * The route's operationId (its name in the OpenAPI document and the generated clients) is the method's name: a
 * camelCase verb and noun (`listWorklist`).
 */
export function Endpoint(
  route: Route,
  { summary, response: [status, schema], produces, problems = {} }: EndpointSpec,
): MethodDecorator {
  const [method, path] = route.split(' ') as [Method, string | undefined];
  const byDefault = method === 'POST' ? 201 : 200;
  return (target, name, descriptor) =>
    applyDecorators(
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
      ApiOperation({ summary, operationId: String(name) }),
      METHODS[method](path),
    )(target, name, descriptor);
}

/** Sends the handler's CsvFile as an attachment. */
class CsvFileInterceptor implements NestInterceptor<CsvFile, string> {
  intercept(context: ExecutionContext, next: CallHandler<CsvFile>): Observable<string> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(map((file) => sendCsv(reply, file)));
  }
}

/** A CSV download (`GET <path>`): the handler returns a CsvFile, sent as `text/csv` under its file name. */
export const CsvEndpoint = (path: string, spec: Omit<EndpointSpec, 'response' | 'produces'>) =>
  applyDecorators(
    Endpoint(`GET ${path}`, { ...spec, response: [200, z.string()], produces: 'text/csv' }),
    UseInterceptors(CsvFileInterceptor),
  );
