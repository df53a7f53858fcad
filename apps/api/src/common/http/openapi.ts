import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiResponse, DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { componentSchemas } from '../validation/openapi-schema';

export interface HeaderObject {
  description: string;
  schema: { type: 'integer' | 'string' };
}

const PROBLEM_CONTENT = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

/** A 4xx this route answers for its own reasons, as a problem document. Reasons every route shares are added below. */
export const ApiProblem = (status: number, description: string, headers?: Record<string, HeaderObject>) =>
  ApiResponse({ status, description, content: PROBLEM_CONTENT, ...(headers ? { headers } : {}) });

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';
type OperationObject = NonNullable<OpenAPIObject['paths'][string][Method]>;
const MUTATING = new Set<string>(['put', 'post', 'delete', 'patch']);

/**
 * The answers app.factory.ts, the auth guard and the zod/uuid pipes give on every route they apply to, one named
 * response each (`components.responses`).
 */
const SHARED_PROBLEMS = {
  InvalidFields: [400, 'Invalid fields, listed in `errors`'],
  NoSession: [401, 'No valid session'],
  CrossSite: [403, 'Cross-site request refused'],
  NotFound: [404, 'Not found, or not within your reach'],
  BodyTooLarge: [413, 'Body larger than 1 MiB'],
  NotJson: [415, 'Body is not application/json'],
} as const;
type SharedProblem = keyof typeof SHARED_PROBLEMS;

/** The shared answers a route gives, derived from what it declares (body, query, path ids, session), so none is forgotten. */
function sharedProblems(method: Method, op: OperationObject): SharedProblem[] {
  const params = op.parameters?.filter((p) => 'in' in p) ?? [];
  const hasBody = op.requestBody !== undefined;
  const out: SharedProblem[] = [];
  if (hasBody || params.some((p) => p.in === 'query')) out.push('InvalidFields');
  if (op.security === undefined || op.security.length > 0) out.push('NoSession');
  if (MUTATING.has(method)) out.push('CrossSite');
  if (params.some((p) => p.in === 'path')) out.push('NotFound');
  if (hasBody) out.push('BodyTooLarge', 'NotJson');
  return out;
}

function addSharedProblems(method: Method, op: OperationObject): void {
  for (const name of sharedProblems(method, op)) {
    const [status, description] = SHARED_PROBLEMS[name];
    const own = op.responses[status] as { description: string } | undefined;
    op.responses[status] = own
      ? { ...own, description: `${own.description}; or: ${description.toLowerCase()}` }
      : { $ref: `#/components/responses/${name}` };
  }
  // Status order reads better than decorator order.
  op.responses = Object.fromEntries(Object.entries(op.responses).sort(([a], [b]) => a.localeCompare(b)));
}

/** Nest's default name (`Controller_method`) for a route not declared with @Endpoint; buildOpenApi refuses it. */
const operationIdOf = (controller: string, method: string) => `${controller}_${method}`;

/** The OpenAPI document, built from the controllers and the contract schemas they validate with. */
export function buildOpenApi(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Tværs API')
    .setDescription(
      'Shared plan, roundtable meetings and caseload ceilings for a cross-disciplinary unit. Errors are RFC 9457 problem documents.',
    )
    .setVersion('0.1.0')
    // Paths carry /api: the API is served from the web app's own origin.
    .addServer('/', 'The origin serving the web app')
    .addCookieAuth('tvaers_session', { type: 'apiKey', in: 'cookie', name: 'tvaers_session' }, 'session')
    .addSecurityRequirements('session')
    .build();
  // As package.json: not open source, so there is no licence text to link to.
  config.info.license = { name: 'UNLICENSED' };
  const doc = SwaggerModule.createDocument(app, config, { operationIdFactory: operationIdOf });
  const operationIds = new Set<string>();
  for (const item of Object.values(doc.paths)) {
    for (const [method, op] of Object.entries(item) as [Method, OperationObject & { 'x-public'?: boolean }][]) {
      // Routes marked @Public need no session.
      if (op['x-public']) {
        delete op['x-public'];
        op.security = [];
      }
      // A client names each call by its operationId: an @Endpoint's method name, so it must be unique across controllers.
      const id = op.operationId ?? '';
      if (id.includes('_')) throw new Error(`${id}: declare the route with @Endpoint`);
      if (operationIds.has(id)) throw new Error(`${id}: two routes have this name`);
      operationIds.add(id);
      addSharedProblems(method, op);
    }
  }
  // The contract's named schemas the operations refer to (problem documents name `Problem`).
  const named = componentSchemas(doc.paths);
  doc.paths = named.paths;
  const responses = Object.fromEntries(
    Object.entries(SHARED_PROBLEMS).map(([name, [, description]]) => [name, { description, content: PROBLEM_CONTENT }]),
  );
  doc.components = {
    ...doc.components,
    schemas: { ...doc.components?.schemas, ...named.schemas },
    responses: { ...doc.components?.responses, ...responses },
  };
  return doc;
}

export function setupOpenApi(app: NestFastifyApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app), {
    jsonDocumentUrl: 'api/docs/openapi.json',
    yamlDocumentUrl: 'api/docs/openapi.yaml',
  });
}
