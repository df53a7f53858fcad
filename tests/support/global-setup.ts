import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '../../apps/api/src/common/database/data-source';
import {
  ensureDatabase,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from '../../apps/api/src/common/database/embedded-postgres';
import { loadConfig } from '../../apps/api/src/config/config';
import { seedDemo } from '../../apps/api/src/demo/demo-seed';

declare global {
  var __TVAERS_DB__: { embedded?: EmbeddedDatabase; dir?: string; serverUrl: string; name: string } | undefined;
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

/** Each run gets its own fresh database: a new embedded cluster, or a new database on DATABASE_URL's server. */
export default async function globalSetup(): Promise<void> {
  const name = `tvaers_test_${Date.now()}_${process.pid}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvaers-test-'));
  let serverUrl = process.env.DATABASE_URL;
  let embedded: EmbeddedDatabase | undefined;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), ephemeral: true });
    serverUrl = embedded.serverUrl;
  }
  const url = await ensureDatabase(serverUrl, name);
  await runMigrations(url);
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir });
  const ds = await new DataSource(dataSourceOptions(url)).initialize();
  await seedDemo(ds, config);
  await ds.destroy();
  globalThis.__TVAERS_DB__ = { embedded, dir: dataDir, serverUrl, name };
  // Workers start after this and inherit the environment.
  process.env.TEST_DATABASE_URL = url;
  process.env.TEST_DATA_DIR = dataDir;
}
