import { migrations } from '@tvaers/migrations';
import { DataSource, type DataSourceOptions } from 'typeorm';

/**
 * Settings of every session, for many short statements at once. JIT compiling pays off for long analytic queries;
 * on these it only adds tens of milliseconds whenever a plan's estimated cost passes jit_above_cost (the large
 * lists' counts did). Parallel workers: the concurrency comes from the requests, and a statement that takes the
 * cores for itself slows the others (the availability's busy times ran 2× slower in parallel on 2 busy cores).
 * Random page cost as for data in memory or on SSD (the default 4 is for spinning disks): with it, a page of 50
 * cases probes their members by key instead of hashing the whole member table (4.1 → 1.5 ms).
 */
const SESSION_OPTIONS = '-c jit=off -c max_parallel_workers_per_gather=0 -c random_page_cost=1.1';

/** `entities`: none for migrations alone; the app root's list for the CLI and tests; the app registers its own per module. */
export function dataSourceOptions(url: string, entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    // Schema changes only through reviewed migrations.
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    extra: { max: 20, application_name: 'tvaers', options: SESSION_OPTIONS },
  };
}

export async function runMigrations(url: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  // Several API processes may start at once: one runs the migrations, the others wait on this lock.
  const lock = ds.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock(727001)');
    const done = await ds.runMigrations();
    return done.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock(727001)').catch(() => undefined);
    await lock.release();
    await ds.destroy();
  }
}
