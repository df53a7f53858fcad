import fs from 'node:fs';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemBody } from '../problem/problem';

/** Built files whose names carry a content hash (Vite's assets/): they never change under the same name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The web app is only our own files: no inline script, no eval, nothing from another origin, never framed.
 * Inline style *attributes* are not needed either: React and FullCalendar set styles through the CSSOM, which
 * CSP leaves alone. Under https, http: links to our own origin are upgraded.
 */
export function contentSecurityPolicy(https: boolean): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'"],
    'font-src': ["'self'"],
    // 'self' covers the socket.io WebSocket on the same host and port.
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/**
 * Security headers on every answer (API, web app, problems sent from hooks), compression of answers above 1 KiB,
 * and `no-store` on every API answer: they carry personal data, which no browser or proxy cache may keep.
 * `publicBaseUrl` (PUBLIC_BASE_URL) is where browsers reach the app; https there turns on HSTS.
 */
export async function registerDelivery(app: NestFastifyApplication, publicBaseUrl: string | undefined): Promise<void> {
  const https = publicBaseUrl?.startsWith('https:') ?? false;
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(https) },
    // Older browsers without frame-ancestors.
    xFrameOptions: { action: 'deny' },
    // Guest links carry their secret in the path (/m/<token>); index.html narrows this to same-origin for
    // the app's own requests, as a POST under no-referrer would carry `Origin: null`.
    referrerPolicy: { policy: 'no-referrer' },
    // Only a site reached over https may pin it; over plain http the header would be a promise we cannot keep.
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    // Answers only: a compressed request body would be a way round the body limit.
    globalDecompression: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.url === '/api' || req.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
  });
}

const sendNotFound = (reply: FastifyReply) => {
  const body = problemBody(404, 'NOT_FOUND', 'No such route.');
  return reply.status(body.status).header('content-type', 'application/problem+json').send(body);
};

/**
 * The web app: built files as they are (with their brotli/gzip twins made at build), every other non-API path
 * gets index.html (client routes). Hashed assets are cached for a year; everything else, index.html above all,
 * is revalidated on every load so a deploy reaches the browser at once.
 */
export async function serveWebApp(app: NestFastifyApplication, webDist: string): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const indexHtml = path.join(webDist, 'index.html');
  if (fs.existsSync(indexHtml)) {
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      // Source maps are never served, and a compressed twin is only ever sent in place of its original.
      globIgnore: ['**/*.map', '**/*.br', '**/*.gz'],
      setHeaders: (reply, filePath) => {
        const immutable = path.relative(webDist, filePath).startsWith(`assets${path.sep}`);
        void reply.header('cache-control', immutable ? IMMUTABLE : 'no-cache');
      },
    });
  }
  fastify.get('/*', (req: FastifyRequest, reply: FastifyReply) => {
    // A built file that is not there (an old chunk, a source map) is a 404, never index.html under its name.
    if (req.url.startsWith('/api/') || req.url === '/api' || req.url.startsWith('/assets/')) return sendNotFound(reply);
    if (!fs.existsSync(indexHtml)) {
      return reply.status(503).type('text/plain; charset=utf-8').send('The web app is not built: run `npm run build`.');
    }
    return reply.sendFile('index.html', webDist);
  });
}
