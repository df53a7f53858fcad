import fs from 'node:fs';
import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  await globalThis.__TVAERS_SMTP__?.close();
  const db = globalThis.__TVAERS_DB__;
  if (!db) return;
  if (db.embedded) {
    await db.embedded.stop();
  } else {
    const client = new Client({ connectionString: db.serverUrl });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(db.name)} WITH (FORCE)`);
      // The role's grants went with the database; a shared server keeps no test roles behind.
      await client.query(`DROP ROLE IF EXISTS ${client.escapeIdentifier(db.appRole)}`);
    } finally {
      await client.end();
    }
  }
  if (db.dir) fs.rmSync(db.dir, { recursive: true, force: true });
}
