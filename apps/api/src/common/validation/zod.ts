import { Body, type PipeTransform, Query } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';
import { validationFailed } from '../problem/problem';
import { openApiBody, openApiSchema } from './openapi-schema';

type Schema = z.ZodType;

export function parseOrThrow<S extends Schema>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  // One entry per bad field; a missing or non-object body names the field '(body)'.
  const seen = new Set<string>();
  const errors = result.error.issues
    .map((i) => ({
      path: i.path.length ? i.path.join('.') : '(body)',
      message: i.message,
    }))
    .filter((e) => !seen.has(e.path) && seen.add(e.path));
  throw validationFailed(errors);
}

class ZodPipe implements PipeTransform {
  constructor(
    private readonly schema: Schema,
    private readonly emptyAsObject = false,
  ) {}
  transform(value: unknown): unknown {
    // A missing body is reported field by field, like an empty object; a JSON `null` is a body, and not an object.
    return parseOrThrow(this.schema, this.emptyAsObject && value === undefined ? {} : value);
  }
}

type ParamDecorator = (target: object, key: string | symbol | undefined, index: number) => void;

/**
 * Contract names are both a zod schema and a type, and swc's decorator metadata then names the schema
 * object as the parameter's class, which Swagger would try to read as a model. The schema documents it.
 */
function plainParamType(target: object, key: string | symbol, index: number): void {
  const types = Reflect.getMetadata('design:paramtypes', target, key) as unknown[] | undefined;
  if (!types) return;
  const fixed = [...types];
  fixed[index] = Object;
  Reflect.defineMetadata('design:paramtypes', fixed, target, key);
}

const withMethodDoc =
  (param: ParamDecorator, doc: MethodDecorator): ParamDecorator =>
  (target, key, index) => {
    param(target, key, index);
    if (key === undefined) return;
    plainParamType(target, key, index);
    doc(target, key, Object.getOwnPropertyDescriptor(target, key)!);
  };

/** A request body validated by a contract schema and documented in OpenAPI. */
export const ZBody = (schema: Schema): ParamDecorator =>
  withMethodDoc(Body(new ZodPipe(schema, true)), ApiBody({ schema: openApiSchema(schema) }));

/** Query parameters validated by a contract object schema and documented one by one. */
export function ZQuery(schema: z.ZodObject | z.ZodType): ParamDecorator {
  const json = openApiBody(schema) as {
    properties?: Record<string, object>;
    required?: string[];
  };
  const docs = Object.entries(json.properties ?? {}).map(([name, s]) =>
    ApiQuery({
      name,
      required: json.required?.includes(name) ?? false,
      schema: s,
    }),
  );
  return (target, key, index) => {
    Query(new ZodPipe(schema))(target, key, index);
    if (key === undefined) return;
    plainParamType(target, key, index);
    for (const d of docs) d(target, key, Object.getOwnPropertyDescriptor(target, key)!);
  };
}

/** Documents a success response with its contract schema. */
export const ZResponse = (status: number, schema: Schema, description = 'OK') =>
  ApiResponse({ status, description, schema: openApiSchema(schema, 'output') });
