#!/usr/bin/env node
// `npm test`: build, lint (code, CSS, OpenAPI, formatting, import boundaries) and typecheck, unit tests,
// then service, API and browser tests against a fresh PostgreSQL.
// Ends with one summary line: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'test-results');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
fs.mkdirSync(results, { recursive: true });

const run = (cmd, args, extraEnv = {}) => {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } }).status ?? 1;
};

function ensureChromium() {
  if (fs.existsSync(chromium)) return;
  if (process.getuid?.() !== 0) {
    console.error(
      `\nBrowser tests need Debian's Chromium at ${chromium}.\nInstall it with:  sudo apt-get install -y chromium\n(or point CHROMIUM_PATH at a Chromium binary) and run npm test again.`,
    );
    process.exit(1);
  }
  console.log('Installing Chromium for the browser tests (apt-get install -y chromium)…');
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], env) !== 0) {
    run('apt-get', ['update'], env);
    if (run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], env) !== 0) {
      console.error('Could not install Chromium with apt-get.');
      process.exit(1);
    }
  }
}

const nx = ['nx', 'run-many', '--outputStyle=static'];
const steps = [];
ensureChromium();
steps.push(['build', run('npx', [...nx, '-t', 'build'])]);
if (steps[0][1] === 0) {
  steps.push(['lint and typecheck', run('npx', [...nx, '-t', 'lint', 'typecheck', '--parallel=2'])]);
  steps.push(['lint root scripts', run('npx', ['eslint', 'scripts', 'eslint-rules', 'jest.*.js', '*.config.mjs'])]);
  steps.push(['lint boundaries', run('npm', ['run', '-s', 'lint:boundaries'])]);
  steps.push(['lint css', run('npm', ['run', '-s', 'lint:css'])]);
  steps.push(['lint openapi', run('npm', ['run', '-s', 'lint:openapi'])]);
  steps.push(['format', run('npm', ['run', '-s', 'format:check'])]);
}

// Each tier through its root script (`npm run test:<tier>`), so `npm test` runs them as a developer would.
const tier = (name, script, args = []) => {
  const out = path.join(results, `${name}.json`);
  fs.rmSync(out, { force: true });
  const status = run('npm', ['run', '-s', script, '--', '--ci', '--json', `--outputFile=${out}`, ...args]);
  steps.push([`${name} tests`, status]);
  return fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : null;
};

const reports = [];
if (steps.every(([, s]) => s === 0)) {
  reports.push(tier('unit', 'test:unit'));
  reports.push(tier('service', 'test:service'));
  // Files that need the database or the job queue to themselves run afterwards, one at a time, on their own
  // database: the hostile-input test checks that no row of the whole database changed; the mail-after-crash test
  // needs its jobs left waiting, which any other file's worker would take; the invitations test runs a worker
  // without SMTP, which fails (and so delays by its retry) any other file's mail it takes.
  const alone = ['hostile-input', 'mail-after-crash', 'invitations'].map((name) => `tests/api/${name}.test.ts`);
  reports.push(
    tier(
      'api',
      'test:api',
      alone.map((file) => `--testPathIgnorePatterns=${file}`),
    ),
  );
  reports.push(tier('alone', 'test:api', ['--runInBand', ...alone]));
  reports.push(tier('browser', 'test:browser'));
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const r of reports) {
  if (!r) {
    failed += 1;
    continue;
  }
  passed += r.numPassedTests;
  failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  skipped += r.numPendingTests + r.numTodoTests;
}
const broken = steps.filter(([, s]) => s !== 0).map(([n]) => n);
console.log('\n' + steps.map(([n, s]) => `${s === 0 ? 'ok  ' : 'FAIL'} ${n}`).join('\n'));
if (broken.length && failed === 0) failed = broken.length;
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(broken.length || failed ? 1 : 0);
