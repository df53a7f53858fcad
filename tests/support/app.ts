import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino, { type Logger } from 'pino';
import { io, type Socket } from 'socket.io-client';
import { apiClient } from './client';
import { createApp } from '@tvaers/api/src/app.factory';
import { type AppConfig, loadConfig } from '@tvaers/api/src/config/config';
import { apiDir } from './paths';

export const DEMO_PASSWORD = 'tvaers-demo';
export const demo = {
  manager: 'leder@demo.tvaers.dk',
  caseworker: 'sagsbehandler@demo.tvaers.dk',
  social: 'socialraadgiver@demo.tvaers.dk',
  health: 'sundhed@demo.tvaers.dk',
  admin: 'admin@demo.tvaers.dk',
} as const;

export interface TestApp {
  app: NestFastifyApplication;
  url: string;
  /** Logs in and returns the session cookie header value. */
  login: (email: string, password?: string) => Promise<string>;
  /** A socket.io client with these headers (e.g. cookie, origin) and `auth` (a guest's token), not yet known to be connected. */
  socket: (headers: Record<string, string>, auth?: { token: string }) => Socket;
  /** A connected socket.io client; rejects with the connect_error. */
  connect: (headers: Record<string, string>, auth?: { token: string }) => Promise<Socket>;
  close: () => Promise<void>;
}

/** The run's database (global setup), or a test's own. */
export function runDatabase(databaseUrl = process.env.TEST_DATABASE_URL): string {
  if (!databaseUrl) throw new Error('TEST_DATABASE_URL is missing: run through jest.integration.config.js');
  return databaseUrl;
}

/** The app's settings in a test: the run's data folder, quiet, and these overrides. */
export function testConfig(env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: process.env.TEST_DATA_DIR ?? '.data-test',
    LOG_LEVEL: 'silent',
    // Test apps share one database, so one queue: only an app that asks for them runs the mail workers.
    JOB_WORKERS: 'false',
    ...env,
  });
}

export const testLogger = (): Logger => pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** The real app on the run's database (or `databaseUrl`, a test's own), listening on a free port. */
export async function startTestApp(
  env: Record<string, string> = {},
  logger?: Logger,
  databaseUrl = process.env.TEST_DATABASE_URL,
): Promise<TestApp> {
  const app = await createApp(testConfig(env), runDatabase(databaseUrl), logger ?? testLogger());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  const socket = (headers: Record<string, string>, auth?: { token: string }) =>
    io(url, { path: '/socket.io', transports: ['websocket'], reconnection: false, extraHeaders: headers, auth });
  return {
    app,
    url,
    login: async (email, password = DEMO_PASSWORD) => {
      const { cookie } = await apiClient({ url }).auth.login({ email, password });
      return cookie;
    },
    socket,
    connect: (headers, auth) =>
      new Promise<Socket>((resolve, reject) => {
        const s = socket(headers, auth);
        s.on('connect', () => resolve(s));
        s.on('connect_error', (err) => {
          s.close();
          reject(err);
        });
      }),
    close: () => app.close(),
  };
}

/** A port nobody listens on now, for a process or database a test starts. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

/** The built CLI (`apps/api/dist/cli.js`). */
export const cliPath = path.join(apiDir, 'dist', 'cli.js');

/** Runs the built CLI with these arguments and environment (DATABASE_URL only if given): its exit code and output. */
export function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const proc = spawn(process.execPath, [cliPath, ...args], { env: { ...inherited, ...env }, stdio: 'pipe' });
  let out = '';
  proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve) => proc.on('exit', (code) => resolve({ code, out })));
}

/** Connects sockets for one test at a time: each one still open is closed after the test that opened it. */
export function socketsPerTest(app: () => TestApp) {
  const open: Socket[] = [];
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  return async (headers: Record<string, string>, auth?: { token: string }) => {
    const s = await app().connect(headers, auth);
    open.push(s);
    return s;
  };
}
