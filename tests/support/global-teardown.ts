import fs from 'node:fs';
import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const db = globalThis.__TVAERS_DB__;
  if (!db) return;
  if (db.embedded) {
    await db.embedded.stop();
  } else {
    const client = new Client({ connectionString: db.serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(db.name)} WITH (FORCE)`);
    await client.end();
  }
  if (db.dir) fs.rmSync(db.dir, { recursive: true, force: true });
}
