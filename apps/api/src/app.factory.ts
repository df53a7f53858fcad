import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { AuthService } from './auth/auth.service';
import { isPublicPath } from './common/auth/session-cookie';
import { proxyTrust } from './common/http/client-address';
import { unstorableFields } from './common/http/unstorable-text';
import { setupOpenApi } from './common/http/openapi';
import { isForeignOrigin, isMutating, refuseBody } from './common/http/request-rules';
import { PinoNestLogger } from './common/logging/nest-logger';
import { problemBody, unauthorized } from './common/problem/problem';
import { toProblem } from './common/problem/to-problem';
import type { AppConfig } from './config/config';

const sendProblem = (reply: FastifyReply, body: ReturnType<typeof problemBody>) =>
  reply.status(body.status).header('content-type', 'application/problem+json').send(body);

/** Builds the whole app (API, web, socket.io) without listening; main and the tests share it. */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  logger: Logger,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: 1_048_576,
    trustProxy: proxyTrust(config.trustProxy),
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, databaseUrl, logger),
    adapter,
    {
      logger: new PinoNestLogger(logger),
    },
  );
  app.setGlobalPrefix('api');
  app.useWebSocketAdapter(new IoAdapter(app));
  await app.register(fastifyCookie);
  const fastify = app.getHttpAdapter().getInstance();
  const auth = app.get(AuthService);

  const bodyLimit = fastify.initialConfig.bodyLimit ?? 1_048_576;
  // A protected route answers 401 before it looks at the request (api.md); public ones answer the problem.
  const unauthenticated = (req: FastifyRequest) => !req.actor && !isPublicPath(req.url);

  fastify.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    // Guest links carry their secret in the path (/m/<token>, /api/guest/<token>): no page of ours ever names
    // itself to another site. Set for every answer, as the web app's pages link out from any of them.
    void reply.header('referrer-policy', 'no-referrer');
    // Cross-site protection: a browser's mutating request must come from our own origin.
    if (isMutating(req.method) && isForeignOrigin(req.headers.origin, req.host)) {
      return sendProblem(reply, problemBody(403, 'CROSS_SITE_REQUEST', 'Cross-site requests are refused.'));
    }
    if (!req.url.startsWith('/api/')) return;
    req.actor = (await auth.resolve(req.cookies[auth.cookieName])) ?? undefined;
    // Before the body is read: an oversized upload without a session gets its 401 without being read.
    const refused = refuseBody(req.method, req.headers, bodyLimit);
    if (refused) return sendProblem(reply, unauthenticated(req) ? toProblem(unauthorized()) : refused);
  });

  // Once, for every route: text PostgreSQL cannot store is a 400 (a path id holding it names nothing: 404).
  fastify.addHook('preValidation', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.url.startsWith('/api/') || unauthenticated(req)) return;
    if (unstorableFields(req.params).length) {
      return sendProblem(reply, problemBody(404, 'NOT_FOUND', 'Resource not found.'));
    }
    const errors = [...unstorableFields(req.query), ...unstorableFields(req.body)];
    if (errors.length) {
      return sendProblem(reply, problemBody(400, 'VALIDATION_FAILED', 'The request has invalid fields.', errors));
    }
  });

  // The web app: built files as they are, every other non-API path gets index.html (client routes).
  const indexHtml = path.join(config.webDist, 'index.html');
  if (fs.existsSync(indexHtml)) {
    await app.register(fastifyStatic, {
      root: config.webDist,
      prefix: '/',
      wildcard: false,
      index: false,
      maxAge: '1h',
    });
  }
  fastify.get('/*', (req: FastifyRequest, reply: FastifyReply) => {
    if (req.url.startsWith('/api/') || req.url === '/api') {
      return sendProblem(reply, problemBody(404, 'NOT_FOUND', 'No such route.'));
    }
    if (!fs.existsSync(indexHtml)) {
      return reply.status(503).type('text/plain; charset=utf-8').send('The web app is not built: run `npm run build`.');
    }
    // Revalidated on every load, so a deploy reaches the browser at once (the static files' maxAge must not apply).
    return reply.header('cache-control', 'no-cache').sendFile('index.html', config.webDist, { cacheControl: false });
  });

  setupOpenApi(app);
  await app.init();
  return app;
}
