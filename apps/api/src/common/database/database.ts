import path from 'node:path';
import type { AppConfig } from '../../config/config';
import { ensureDatabase, startEmbeddedPostgres } from './embedded-postgres';

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/** DATABASE_URL when given; otherwise a real embedded PostgreSQL with its data under DATA_DIR. */
export async function openDatabase(config: AppConfig, log: (m: string) => void): Promise<OpenDatabase> {
  if (config.databaseUrl)
    return {
      url: config.databaseUrl,
      embedded: false,
      close: async () => undefined,
    };
  const server = await startEmbeddedPostgres({
    dataDir: path.resolve(config.dataDir),
    port: config.embeddedPgPort,
    log: (m) => {
      if (/error|fatal|panic/i.test(m)) log(m);
    },
  });
  const url = await ensureDatabase(server.serverUrl, 'tvaers');
  return { url, embedded: true, close: () => server.stop() };
}
