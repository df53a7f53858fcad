import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { AuthService } from './auth/auth.service';
import { isPublicPath } from './common/auth/session-cookie';
import { proxyTrust } from './common/http/client-address';
import { registerDelivery, serveWebApp } from './common/http/delivery';
import { unstorableFields } from './common/http/unstorable-text';
import { setupOpenApi } from './common/http/openapi';
import { jsonTooDeep, MAX_JSON_DEPTH } from './common/http/json-depth';
import { isForeignOrigin, isMutating, refuseBody } from './common/http/request-rules';
import { PinoNestLogger } from './common/logging/nest-logger';
import { DatabaseOutage } from './common/problem/database-outage';
import { problemBody, unauthorized, validationFailed } from './common/problem/problem';
import { toProblem } from './common/problem/to-problem';
import type { AppConfig } from './config/config';
import { RedisIoAdapter } from './realtime/redis-io-adapter';

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
    // One line per request (written when it is answered, below), not fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1_048_576,
    trustProxy: proxyTrust(config.trustProxy),
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, databaseUrl, logger),
    adapter,
    {
      logger: new PinoNestLogger(logger),
      // The JSON parser is ours (below); a form body is refused before parsing anyway.
      bodyParser: false,
    },
  );
  app.setGlobalPrefix('api');
  // Several API processes share their sockets' rooms through Redis; one process keeps them in memory.
  app.useWebSocketAdapter(
    config.redisUrl ? await RedisIoAdapter.connect(app, config.redisUrl, logger) : new IoAdapter(app),
  );
  await app.register(fastifyCookie);
  await registerDelivery(app, config.publicBaseUrl);
  const fastify = app.getHttpAdapter().getInstance();
  const auth = app.get(AuthService);
  const outage = app.get(DatabaseOutage);

  const bodyLimit = fastify.initialConfig.bodyLimit ?? 1_048_576;
  // A protected route answers 401 before it looks at the request (docs/api.md); public ones answer the problem.
  const unauthenticated = (req: FastifyRequest) => !req.actor && !isPublicPath(req.url);

  fastify.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
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

  // A session read from the database means it answers again: the outage's end is logged once.
  fastify.addHook('onResponse', (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (outage.down && req.actor) outage.recovered();
    req.log.info({ req, res: reply, responseTime: reply.elapsedTime }, 'request completed');
    done();
  });

  // fastify's own JSON parser (prototype-key checks included), after a cheap scan of the nesting depth.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = String(body);
    if (jsonTooDeep(text)) {
      return done(
        validationFailed([{ path: '(body)', message: `JSON must not nest deeper than ${MAX_JSON_DEPTH} levels.` }]),
      );
    }
    void parseJson(req, text, done);
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

  await serveWebApp(app, config.webDist);

  setupOpenApi(app);
  await app.init();
  return app;
}
