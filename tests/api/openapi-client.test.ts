import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const committed = path.join(root, 'apps/web/src/api/schema.d.ts');
// The generator is the web app's dev dependency; resolve it from there, wherever npm placed it.
const generator = path.join(
  path.dirname(require.resolve('openapi-typescript/package.json', { paths: [path.join(root, 'apps/web')] })),
  'bin/cli.js',
);

// The web's client types are generated from the committed contract; regenerate with `npm run api:generate -w apps/web`.
it('the web client types match what docs/openapi.json generates', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvaers-schema-'));
  try {
    const raw = path.join(dir, 'schema.d.ts');
    // From the web app's folder, like `npm run api:generate`: the root redocly.yaml (strict lint) is not its config.
    execFileSync(process.execPath, [generator, path.join(root, 'docs/openapi.json'), '-o', raw], {
      stdio: 'pipe',
      cwd: path.join(root, 'apps/web'),
    });
    // Formatted as the committed file is, with the repository's prettier settings for that path.
    const generated = execFileSync(path.join(root, 'node_modules/.bin/prettier'), ['--stdin-filepath', committed], {
      cwd: root,
      input: fs.readFileSync(raw, 'utf8'),
      encoding: 'utf8',
    });
    expect(fs.readFileSync(committed, 'utf8')).toBe(generated);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
