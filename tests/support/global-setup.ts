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

/**
 * Each run gets its own fresh database (a new embedded cluster, or a new database on DATABASE_URL's server)
 * and its own application role, so the tests see the same rights as the running app.
 */
export default async function globalSetup(): Promise<void> {
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
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir });
  const ds = await new DataSource(dataSourceOptions(ownerUrl, entities)).initialize();
  await seedDemo(ds, config);
  await ds.destroy();
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
