import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { runMigrations } from './data-source';
import { ensureDatabase, startEmbeddedPostgres } from './embedded-postgres';
import { EMBEDDED_APP_ROLE, ensureLoginRole, grantAppRole, roleOf, withLogin } from './roles';

export interface OpenDatabase {
  /** The application's connection: may add and read audit rows, never change or remove them. */
  appUrl: string;
  /** The schema owner's connection: migrations, the demo seed and grants. */
  ownerUrl: string;
  /** The role the owner grants to; undefined when the application connects as the owner itself. */
  appRole?: string;
  embedded: boolean;
  close(): Promise<void>;
}

function readOrCreatePassword(file: string): string {
  if (fs.existsSync(file)) {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing) return existing;
  }
  const password = randomBytes(24).toString('base64url');
  fs.writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

/**
 * DATABASE_URL (and MIGRATION_DATABASE_URL for the owner) when given; otherwise a real embedded PostgreSQL
 * with its data under DATA_DIR, where the server's superuser is the owner and `tvaers_app` the application.
 */
/** The settings it reads, so common/ need not know the app's config module. */
export interface DatabaseConfig {
  databaseUrl?: string;
  migrationDatabaseUrl?: string;
  dataDir: string;
  embeddedPgPort: number;
}

export async function openDatabase(config: DatabaseConfig, log: (m: string) => void): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    const ownerUrl = config.migrationDatabaseUrl ?? config.databaseUrl;
    const appRole = roleOf(config.databaseUrl);
    return {
      appUrl: config.databaseUrl,
      ownerUrl,
      appRole: roleOf(ownerUrl) === appRole ? undefined : appRole,
      embedded: false,
      close: () => Promise.resolve(),
    };
  }
  const dataDir = path.resolve(config.dataDir);
  const server = await startEmbeddedPostgres({
    dataDir,
    port: config.embeddedPgPort,
    log: (m) => {
      if (/error|fatal|panic/i.test(m)) log(m);
    },
    notice: log,
  });
  try {
    const ownerUrl = await ensureDatabase(server.serverUrl, 'tvaers');
    const password = readOrCreatePassword(path.join(dataDir, 'app-password'));
    await ensureLoginRole(server.serverUrl, EMBEDDED_APP_ROLE, password);
    return {
      appUrl: withLogin(ownerUrl, EMBEDDED_APP_ROLE, password),
      ownerUrl,
      appRole: EMBEDDED_APP_ROLE,
      embedded: true,
      close: () => server.stop(),
    };
  } catch (err) {
    await server.stop().catch(() => undefined);
    throw err;
  }
}

/** Migrations as the owner, then the application role's grants (new tables need theirs). */
export async function migrateDatabase(db: OpenDatabase): Promise<string[]> {
  const applied = await runMigrations(db.ownerUrl);
  if (db.appRole) await grantAppRole(db.ownerUrl, db.appRole);
  return applied;
}
