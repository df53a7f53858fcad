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
import { SESSION_COOKIE } from './common/auth/session-cookie';
import { setupOpenApi } from './common/http/openapi';
import { PinoNestLogger } from './common/logging/nest-logger';
import { problemBody } from './common/problem/problem';
import type { AppConfig } from './config/config';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

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
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
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

  fastify.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    // Cross-site protection: a browser's mutating request must come from our own origin.
    const origin = req.headers.origin;
    if (!SAFE_METHODS.has(req.method) && origin && origin !== 'null') {
      let host: string | undefined;
      try {
        host = new URL(origin).host;
      } catch {
        host = undefined;
      }
      if (host !== req.host)
        return sendProblem(reply, problemBody(403, 'CROSS_SITE_REQUEST', 'Cross-site requests are refused.'));
    }
    if (req.url.startsWith('/api/')) req.actor = (await auth.resolve(req.cookies[SESSION_COOKIE])) ?? undefined;
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
    if (req.url.startsWith('/api/') || req.url === '/api')
      return sendProblem(reply, problemBody(404, 'NOT_FOUND', 'No such route.'));
    if (!fs.existsSync(indexHtml)) {
      return reply.status(503).type('text/plain; charset=utf-8').send('The web app is not built: run `npm run build`.');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', config.webDist);
  });

  setupOpenApi(app);
  await app.init();
  return app;
}
