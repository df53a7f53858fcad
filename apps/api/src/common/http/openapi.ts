import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI document, built from the controllers and the contract schemas they validate with. */
export function buildOpenApi(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Tværs API')
    .setDescription(
      'Shared plan, roundtable meetings and caseload ceilings for a cross-disciplinary unit. Errors are RFC 9457 problem documents.',
    )
    .setVersion('0.1.0')
    .addCookieAuth('tvaers_session', { type: 'apiKey', in: 'cookie', name: 'tvaers_session' }, 'session')
    .addSecurityRequirements('session')
    .build();
  const doc = SwaggerModule.createDocument(app, config);
  // Routes marked @Public need no session.
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item) as Record<string, unknown>[]) {
      if (op && typeof op === 'object' && op['x-public']) {
        delete op['x-public'];
        op.security = [];
      }
    }
  }
  return doc;
}

export function setupOpenApi(app: NestFastifyApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app), {
    jsonDocumentUrl: 'api/docs/openapi.json',
    yamlDocumentUrl: 'api/docs/openapi.yaml',
  });
}
