import * as contracts from '@tvaers/contracts';
import { z } from 'zod';

type Io = 'input' | 'output';
type Json = Record<string, unknown>;

const COMPONENTS = '#/components/schemas/';
const DEFS = '#/definitions/';

const convert = (schema: z.ZodType, io: Io, metadata: z.core.$ZodRegistry<{ id?: string }>) =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any', metadata }) as Json;

/** Marks the input form of a named schema until the document shows which name it gets (see `componentSchemas`). */
const INPUT = '@input';

/**
 * Every schema the contract exports by a capitalised name is a component of that name. Its input form (a request)
 * and output form (a response) differ where it has defaults or transforms, or is an object (a response has no
 * other fields, a request may): then each form gets its own component.
 */
function nameContract() {
  const names = { input: z.registry<{ id: string }>(), output: z.registry<{ id: string }>() };
  const byName = new Map<string, { schema: z.ZodType; io: Io }>();
  const plain = z.registry<{ id?: string }>();
  for (const [name, value] of Object.entries(contracts)) {
    if (!/^[A-Z]/.test(name) || !(value instanceof z.ZodType)) continue;
    if (names.output.has(value)) throw new Error(`${name}: the contract exports this schema twice`);
    const differs = JSON.stringify(convert(value, 'input', plain)) !== JSON.stringify(convert(value, 'output', plain));
    const inputName = differs ? name + INPUT : name;
    names.output.add(value, { id: name });
    names.input.add(value, { id: inputName });
    byName.set(name, { schema: value, io: 'output' });
    byName.set(inputName, { schema: value, io: differs ? 'input' : 'output' });
  }
  return { names, byName };
}
const contract = nameContract();

/**
 * Points zod's local definitions at the document's components. A lone `allOf` around a `$ref` is the `$ref`; a
 * nullable named schema stays inline, as OpenAPI 3.0's `nullable` does not reach into a `$ref` (nor an `allOf`).
 */
function relink(value: unknown, definitions: Json): unknown {
  if (Array.isArray(value)) return value.map((v) => relink(v, definitions));
  if (value === null || typeof value !== 'object') return value;
  const { allOf, ...rest } = value as Json;
  const only = Array.isArray(allOf) && allOf.length === 1 ? (allOf[0] as Json) : undefined;
  const ref = typeof only?.$ref === 'string' && only.$ref.startsWith(DEFS) ? only.$ref.slice(DEFS.length) : undefined;
  if (ref !== undefined && Object.keys(rest).length === 1 && rest.nullable === true) {
    return { nullable: true, ...(relink(definitions[ref], definitions) as Json) };
  }
  if (only && Object.keys(rest).length === 0) return relink(only, definitions);
  const json: Json = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, relink(v, definitions)]));
  if (typeof json.$ref === 'string') json.$ref = json.$ref.replace(DEFS, COMPONENTS);
  return json;
}

function convertNamed(schema: z.ZodType, io: Io): { json: Json; definitions: Json } {
  const { definitions = {}, ...json } = convert(schema, io, contract.names[io]);
  const defs = definitions as Json;
  return { json: relink(json, defs) as Json, definitions: relink(defs, defs) as Json };
}

/**
 * JSON Schema for OpenAPI, from the same zod schema that validates: the contract's named schemas (and those
 * within) are `$ref`s to `components.schemas`, which `componentSchemas` fills in.
 */
export const openApiSchema = (schema: z.ZodType, io: Io = 'input'): Json => convertNamed(schema, io).json;

/** As `openApiSchema`, but a named schema is given by its body, not a `$ref` (query parameters are listed one by one). */
export function openApiBody(schema: z.ZodType, io: Io = 'input'): Json {
  const { json, definitions } = convertNamed(schema, io);
  const ref = typeof json.$ref === 'string' ? json.$ref.slice(COMPONENTS.length) : undefined;
  return ref === undefined ? json : (definitions[ref] as Json);
}

/**
 * The components the operations' `$ref`s name, and those they name in turn, sorted by name; and the operations with
 * their final names. A schema the document uses in both directions, with forms that differ, is `Foo` as a response
 * and `FooInput` as a request; one it uses in one direction only is `Foo`.
 */
export function componentSchemas<T extends object>(paths: T): { paths: T; schemas: Record<string, Json> } {
  const bodies: Record<string, Json> = {};
  const pending = [...refsIn(paths)];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (name in bodies) continue;
    const named = contract.byName.get(name);
    if (!named) throw new Error(`${COMPONENTS}${name}: not a schema of the contract`);
    bodies[name] = openApiBody(named.schema, named.io);
    pending.push(...refsIn(bodies[name]));
  }
  const final = new Map<string, string>();
  for (const name of Object.keys(bodies)) {
    const output = name.endsWith(INPUT) ? name.slice(0, -INPUT.length) : undefined;
    const to = output === undefined ? name : output in bodies ? `${output}Input` : output;
    if ([...final.values()].includes(to)) throw new Error(`${COMPONENTS}${to}: two schemas of the contract`);
    final.set(name, to);
  }
  const rename = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value), (key, v: unknown) =>
      key === '$ref' && typeof v === 'string' && v.startsWith(COMPONENTS)
        ? COMPONENTS + final.get(v.slice(COMPONENTS.length))!
        : v,
    );
  const schemas = Object.fromEntries(
    Object.entries(bodies)
      .map(([name, body]) => [final.get(name)!, rename(body) as Json] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  return { paths: rename(paths) as T, schemas };
}

function refsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) refsIn(v, found);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(COMPONENTS)) found.add(v.slice(COMPONENTS.length));
      else refsIn(v, found);
    }
  }
  return found;
}
