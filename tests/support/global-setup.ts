import './sources';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '@tvaers/api/src/common/database/data-source';
import {
  ensureDatabase,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from '@tvaers/api/src/common/database/embedded-postgres';
import { ensureLoginRole, grantAppRole, withLogin } from '@tvaers/api/src/common/database/roles';
import { loadConfig } from '@tvaers/api/src/config/config';
import { seedDemo } from '@tvaers/api/src/demo/demo-seed';
import { entities } from '@tvaers/api/src/entities';
import { repoRoot } from './paths';
import { startCaptureServer } from './smtp';

declare global {
  var __TVAERS_SMTP__: { close: () => Promise<void> } | undefined;
  var __TVAERS_DB__:
    { embedded?: EmbeddedDatabase; dir?: string; serverUrl: string; name: string; appRole: string } | undefined;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

/** What the global setup reads of jest's settings: the selected paths and the ones left out. */
interface JestSelection {
  testPathPatterns?: { patterns?: string[] };
  onlyChanged?: boolean;
  findRelatedTests?: boolean;
}

const DEMO_USE = /\bdemo\b|DEMO_PASSWORD|@demo\.tvaers\.dk/;

/**
 * Whether a selected test file uses the demo data (its logins, people or cases). The demo seed takes seconds, and
 * most files make their own staff; a whole run (no paths given) always has it.
 */
function selectedFilesUseDemo(selection: JestSelection, ignored: string[] = []): boolean {
  const patterns = selection.testPathPatterns?.patterns ?? [];
  if (!patterns.length || selection.onlyChanged || selection.findRelatedTests) return true;
  const tests = path.join(repoRoot, 'tests');
  const files = ['service', 'api', 'browser']
    .flatMap((dir) => fs.readdirSync(path.join(tests, dir)).map((file) => path.join(tests, dir, file)))
    .filter((file) => file.endsWith('.test.ts'))
    .filter((file) => patterns.some((p) => new RegExp(p, 'i').test(file)))
    .filter((file) => !ignored.some((p) => new RegExp(p).test(file)));
  return !files.length || files.some((file) => DEMO_USE.test(fs.readFileSync(file, 'utf8')));
}

/**
 * Each run gets its own fresh database (a new embedded cluster, or a new database on DATABASE_URL's server)
 * and its own application role, so the tests see the same rights as the running app. The demo data is seeded
 * only when a selected file uses it.
 */
export default async function globalSetup(
  selection: JestSelection,
  project: { testPathIgnorePatterns?: string[] },
): Promise<void> {
  const name = `tvaers_test_${Date.now()}_${process.pid}`;
  const appRole = `${name}_app`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvaers-test-'));
  let serverUrl = process.env.DATABASE_URL;
  let embedded: EmbeddedDatabase | undefined;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), ephemeral: true });
    serverUrl = embedded.serverUrl;
  }
  globalThis.__TVAERS_DB__ = { embedded, dir: dataDir, serverUrl, name, appRole };
  const ownerUrl = await ensureDatabase(serverUrl, name);
  const password = randomBytes(18).toString('base64url');
  await ensureLoginRole(serverUrl, appRole, password);
  await runMigrations(ownerUrl);
  await grantAppRole(ownerUrl, appRole);
  if (selectedFilesUseDemo(selection, project.testPathIgnorePatterns)) {
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir });
    const ds = await new DataSource(dataSourceOptions(ownerUrl, entities)).initialize();
    await seedDemo(ds, config);
    await ds.destroy();
  }
  // Workers start after this and inherit the environment.
  process.env.TEST_DATABASE_URL = withLogin(ownerUrl, appRole, password);
  process.env.TEST_OWNER_DATABASE_URL = ownerUrl;
  process.env.TEST_DATA_DIR = dataDir;
  const mailDir = fs.mkdtempSync(path.join(dataDir, 'mail-'));
  const smtp = await startCaptureServer(mailDir);
  globalThis.__TVAERS_SMTP__ = smtp;
  process.env.TEST_SMTP_URL = smtp.url;
  process.env.TEST_MAIL_DIR = mailDir;
}
