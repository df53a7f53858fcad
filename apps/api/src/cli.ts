import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadConfig } from './config/config';
import { dataSourceOptions } from './common/database/data-source';
import { migrateDatabase, openDatabase } from './common/database/database';
import { seedDemo } from './demo/demo-seed';
import { seedLarge } from './demo/large-seed';
import { createAdmin } from './people/first-admin';
import { entities } from './entities';

/**
 * `node dist/cli.js migrate|seed|seed:large [--force]|create-admin --email <e-mail> --name <name>|migration:generate <Name>`
 */
async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig();
  const db = await openDatabase(config, (m) => console.log(m));
  try {
    switch (command) {
      case 'migrate': {
        const done = await migrateDatabase(db);
        console.log(done.length ? `applied: ${done.join(', ')}` : 'schema is up to date');
        break;
      }
      case 'seed': {
        await migrateDatabase(db);
        const ds = await new DataSource(dataSourceOptions(db.ownerUrl, entities)).initialize();
        try {
          console.log((await seedDemo(ds, config)) ? 'demo data seeded' : 'demo data already present');
        } finally {
          await ds.destroy();
        }
        break;
      }
      case 'seed:large': {
        const { values } = parseArgs({ args: process.argv.slice(3), options: { force: { type: 'boolean' } } });
        // Every large login opens with the published demo password.
        if (config.env === 'production') throw new Error('seed:large is for benchmarks: not in production');
        await migrateDatabase(db);
        // The demo unit first, so its logins work next to the large municipality.
        const ds = await new DataSource(dataSourceOptions(db.ownerUrl, entities)).initialize();
        try {
          await seedDemo(ds, config);
        } finally {
          await ds.destroy();
        }
        const done = await seedLarge(db.ownerUrl, config, {
          scale: config.seedScale,
          force: values.force ?? false,
          log: (m) => console.log(m),
        });
        const total = Object.values(done.rows).reduce((a, b) => a + b, 0);
        console.log(`${done.municipality}: ${total.toLocaleString('en')} rows in ${done.seconds.toFixed(1)} s`);
        console.log(`logins (password tvaers-demo), besides the demo ones:`);
        for (const l of done.logins) console.log(`  ${l.email.padEnd(40)} ${l.role}`);
        break;
      }
      case 'create-admin': {
        const { values } = parseArgs({
          args: process.argv.slice(3),
          options: { email: { type: 'string' }, name: { type: 'string' } },
        });
        await migrateDatabase(db);
        const ds = await new DataSource(dataSourceOptions(db.ownerUrl, entities)).initialize();
        try {
          const { link } = await createAdmin(ds, values, config.publicBaseUrl);
          // Shown once: only its hash is stored.
          console.log(`administrator ${values.email!.toLowerCase()} created.`);
          console.log(`Set the password within 24 hours at (shown once):`);
          console.log(`  ${link.url ?? `<the server's address>${link.path}`}`);
        } finally {
          await ds.destroy();
        }
        break;
      }
      case 'migration:generate': {
        if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: migration:generate <PascalCaseName>');
        await migrateDatabase(db);
        const ds = await new DataSource(dataSourceOptions(db.ownerUrl, entities)).initialize();
        try {
          const sql = await ds.driver.createSchemaBuilder().log();
          if (sql.upQueries.length === 0) {
            console.log('entities and schema agree: nothing to generate');
            break;
          }
          const ts = Date.now();
          const q = (s: string) => '`' + s.replace(/`/g, '\\`') + '`';
          const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
          const down = sql.downQueries
            .reverse()
            .map((x) => `    await queryRunner.query(${q(x.query)});`)
            .join('\n');
          const file = path.join(
            path.dirname(require.resolve('@tvaers/migrations/package.json')),
            'src',
            `${ts}-${name}.ts`,
          );
          fs.writeFileSync(
            file,
            `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${ts} implements MigrationInterface {\n  name = '${name}${ts}';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
          );
          console.log(`wrote ${file}; add it to migrations/src/index.ts`);
        } finally {
          await ds.destroy();
        }
        break;
      }
      default:
        throw new Error(
          'usage: cli.js migrate | seed | seed:large [--force] | create-admin --email <e-mail> --name <name> | migration:generate <Name>',
        );
    }
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
