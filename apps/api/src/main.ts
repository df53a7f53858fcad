import 'reflect-metadata';
import { setFlagsFromString } from 'node:v8';
import { DataSource } from 'typeorm';
import { createApp } from './app.factory';
import { dataSourceOptions } from './common/database/data-source';
import { migrateDatabase, openDatabase } from './common/database/database';
import { createLogger } from './common/logging/logger';
import { assertServerConfig, linkBase, loadConfig } from './config/config';
import { demoStaff, DEMO_PASSWORD } from './demo/demo-data';
import { demoLoginsLeft } from './demo/demo-logins';
import { seedDemo } from './demo/demo-seed';
import { entities } from './entities';

/**
 * How far V8 lets the heap grow past what survived its last full collection before the next one. On a machine
 * with several GB, V8 allows 4×: the API keeps about 60 MB live, yet garbage of the requests in flight took the
 * heap to about 280 MB and the RSS to about 480 MB under the bench. 2× (V8's own ceiling for small heaps) keeps
 * the same live heap in about half the memory. A `--heap-growing-percent` given to node wins; it cannot go in
 * NODE_OPTIONS.
 */
const HEAP_GROWING_PERCENT = 100;

async function main(): Promise<void> {
  if (!process.execArgv.some((a) => a.startsWith('--heap-growing-percent'))) {
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  }
  const config = loadConfig();
  assertServerConfig(config);
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config, (m) => logger.warn({ component: 'postgres' }, m));
  logger.info(
    { embedded: db.embedded },
    db.embedded ? `embedded PostgreSQL, data in ${config.dataDir}` : 'PostgreSQL from DATABASE_URL',
  );
  if (!db.appRole) {
    logger.warn(
      'the application connects as the schema owner (no MIGRATION_DATABASE_URL with another role): audit rows are ' +
        'protected only by the append-only trigger, which the owner can drop; see "Running in production" in docs/operations.md',
    );
  }
  const applied = await migrateDatabase(db);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  let demoLogins: string[] = [];
  if (config.demoMode || config.env === 'production') {
    const ds = await new DataSource(dataSourceOptions(db.ownerUrl, entities)).initialize();
    try {
      if (config.demoMode && (await seedDemo(ds, config))) logger.info('demo data seeded');
      if (config.env === 'production') demoLogins = await demoLoginsLeft(ds);
    } finally {
      await ds.destroy();
    }
  }
  if (demoLogins.length) {
    await db.close();
    throw new Error(
      `production (NODE_ENV=production) refuses to start while demo users open with the published password: ` +
        `${demoLogins.join(', ')}. Deactivate them or set their passwords, or use a database without the demo data.`,
    );
  }

  const app = await createApp(config, db.appUrl, logger);
  await app.listen({ port: config.port, host: config.host });
  const url = linkBase(config);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Finish in-flight requests, then stop the database.
    void app
      .close()
      .then(() => db.close())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  const lines = [`\nTværs is running at ${url}`];
  if (config.demoMode) {
    lines.push(`Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const s of demoStaff.filter((d) => d.login)) lines.push(`  ${s.email.padEnd(32)} ${s.login}`);
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`Tværs could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
