import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { apiDir } from '../support/paths';
import { eventually } from '../support/wait';

const main = path.join(apiDir, 'dist', 'main.js');

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

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

const login = async (port: number) => {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'sagsbehandler@demo.tvaers.dk', password: 'tvaers-demo' }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0];
};

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

  it('keeps its data across a graceful restart and never logs secrets', async () => {
    const env = {
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
    };
    const port = await freePort();
    const first = await start(env, port);
    expect(first.output()).toContain('sagsbehandler@demo.tvaers.dk');
    const cookie = await login(port);
    const me = (await (await fetch(`http://127.0.0.1:${port}/api/me`, { headers: { cookie } })).json()) as {
      id: string;
    };
    await fetch(`http://127.0.0.1:${port}/api/citizens?q=010190-1234`, { headers: { cookie } });
    await fetch(`http://127.0.0.1:${port}/api/guest/secret-link-token-123`);
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
    const again = (await (await fetch(`http://127.0.0.1:${port}/api/me`, { headers: { cookie } })).json()) as {
      id: string;
    };
    expect(again.id).toBe(me.id);
    second.proc.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 180_000);

  it('starts again after the API was killed with kill -9, stopping the PostgreSQL it left running', async () => {
    const env = {
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
    };
    const port = await freePort();
    const first = await start(env, port);
    const cookie = await login(port);
    const me = (await (await fetch(`http://127.0.0.1:${port}/api/me`, { headers: { cookie } })).json()) as {
      id: string;
    };
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
    const again = (await (await fetch(`http://127.0.0.1:${port}/api/me`, { headers: { cookie } })).json()) as {
      id: string;
    };
    expect(again.id).toBe(me.id);
    second.proc.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 180_000);
});
