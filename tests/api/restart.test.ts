import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demo, DEMO_PASSWORD, freePort } from '../support/app';
import { apiClient } from '../support/client';
import { apiDir } from '../support/paths';
import { eventually } from '../support/wait';

const main = path.join(apiDir, 'dist', 'main.js');

interface Running {
  proc: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

async function start(env: Record<string, string>, port: number): Promise<Running> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const proc = spawn(process.execPath, [main], { env: { ...inherited, ...env, PORT: String(port) }, stdio: 'pipe' });
  let out = '';
  proc.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  try {
    await eventually(
      () => `the server to become healthy:\n${out}`,
      async () => {
        if (proc.exitCode !== null) throw new Error(`server exited early:\n${out}`);
        // Not listening yet answers undefined, as a health check that fails.
        const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
        return res?.ok ? true : undefined;
      },
      90_000,
    );
  } catch (err) {
    proc.kill('SIGKILL');
    throw err;
  }
  return { proc, output: () => out, exited };
}

// The production entry point end to end: embedded PostgreSQL under DATA_DIR, demo seed, SIGTERM, restart.
const built = fs.existsSync(main);
(built ? describe : describe.skip)('npm start (built server)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvaers-restart-'));
  afterAll(() => {
    // As root the cluster may live outside DATA_DIR (see POSTGRES_LOCATION.txt); remove it too.
    const note = path.join(dataDir, 'POSTGRES_LOCATION.txt');
    const cluster = fs.existsSync(note) ? fs.readFileSync(note, 'utf8').trim().split('\n').pop() : undefined;
    if (cluster?.startsWith('/var/lib/tvaers/clusters/')) fs.rmSync(cluster, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** The server's first start on this file's data (the demo seed), and the demo caseworker logged in on it. */
  async function firstStart() {
    const env = {
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
    };
    const port = await freePort();
    const first = await start(env, port);
    const server = { url: `http://127.0.0.1:${port}` };
    const { cookie } = await apiClient(server).auth.login({ email: demo.caseworker, password: DEMO_PASSWORD });
    const api = apiClient(server, cookie);
    return { env, port, first, server, cookie, api, me: await api.auth.me() };
  }

  it('keeps its data across a graceful restart and never logs secrets', async () => {
    const { env, port, first, server, cookie, api, me } = await firstStart();
    expect(first.output()).toContain('sagsbehandler@demo.tvaers.dk');
    await api.citizens.search({ q: '010190-1234' });
    await apiClient(server).wire('get', '/api/guest/{token}', { params: { token: 'secret-link-token-123' } });
    first.proc.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    // The start banner names the public demo password; nothing else may.
    const log = first.output().replace('Demo logins (password "tvaers-demo")', '');
    expect(log).not.toContain('tvaers-demo');
    expect(log).not.toContain('010190-1234');
    expect(log).not.toContain('secret-link-token-123');
    expect(log).not.toContain(cookie.split('=')[1]);

    const second = await start(env, port);
    expect(second.output()).not.toContain('demo data seeded');
    // The session row survived, so the same cookie still works.
    const again = await api.auth.me();
    expect(again.id).toBe(me.id);
    second.proc.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 180_000);

  it('starts again after the API was killed with kill -9, stopping the PostgreSQL it left running', async () => {
    const { env, port, first, api, me } = await firstStart();
    first.proc.kill('SIGKILL');
    await first.exited;
    // The API is gone; its PostgreSQL is not (the orphan the next start must deal with).
    const note = path.join(dataDir, 'POSTGRES_LOCATION.txt');
    const cluster = fs.existsSync(note)
      ? fs.readFileSync(note, 'utf8').trim().split('\n').pop()!
      : path.join(dataDir, 'pg');
    const orphan = Number(fs.readFileSync(path.join(cluster, 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(() => process.kill(orphan, 0)).not.toThrow();

    const second = await start(env, port);
    expect(second.output()).toContain(`stopping the embedded PostgreSQL (pid ${orphan})`);
    expect(() => process.kill(orphan, 0)).toThrow();
    const again = await api.auth.me();
    expect(again.id).toBe(me.id);
    second.proc.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 180_000);
});
