// `npm run create-admin`: the first administrator of a production installation (no demo users), through the
// built CLI, on a database of its own; then the link, the first login and the last-administrator rule.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import pino from 'pino';
import { createApp } from '@tvaers/api/src/app.factory';
import { runMigrations } from '@tvaers/api/src/common/database/data-source';
import { ensureDatabase } from '@tvaers/api/src/common/database/embedded-postgres';
import { loadConfig } from '@tvaers/api/src/config/config';
import { cliPath, freePort, runCli } from '../support/app';
import { apiClient, problem } from '../support/client';

const built = fs.existsSync(cliPath);
(built ? describe : describe.skip)('create-admin (built CLI)', () => {
  const name = `tvaers_admin_${Date.now()}_${process.pid}`;
  const serverUrl = (() => {
    const url = new URL(process.env.TEST_OWNER_DATABASE_URL!);
    url.pathname = '/postgres';
    return url.toString();
  })();
  let ownerUrl: string;
  let app: NestFastifyApplication | undefined;

  beforeAll(async () => {
    // A database of its own: production has no demo users and no other administrators.
    ownerUrl = await ensureDatabase(serverUrl, name);
    await runMigrations(ownerUrl);
  });
  afterAll(async () => {
    await app?.close();
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    await client.end();
  });

  it('creates the first administrator with a one-time link; the link sets the password; the last admin stays', async () => {
    const env = { NODE_ENV: 'production', DATABASE_URL: ownerUrl, PUBLIC_BASE_URL: 'https://tvaers.kommune.dk' };
    const made = await runCli(['create-admin', '--email', 'IT@Kommune.dk', '--name', 'Første Administrator'], env);
    expect(made).toMatchObject({ code: 0 });
    const link = /https:\/\/tvaers\.kommune\.dk(\/set-password\/([A-Za-z0-9_-]{43}))/.exec(made.out);
    expect(link).not.toBeNull();
    const again = await runCli(['create-admin', '--email', 'it@kommune.dk', '--name', 'Anden Administrator'], env);
    expect(again.code).toBe(1);
    expect(again.out).toContain('already exists');
    expect(again.out).not.toMatch(/set-password/);
    const bad = await runCli(['create-admin', '--email', 'ikke-en-adresse'], env);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('usage: create-admin');

    app = await createApp(
      loadConfig({ NODE_ENV: 'test', DATA_DIR: os.tmpdir(), LOG_LEVEL: 'silent', JOB_WORKERS: 'false' }),
      ownerUrl,
      pino({ level: 'silent' }),
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const server = { url: await app.getUrl() };
    const anonymous = apiClient(server).auth;
    const first = { token: link![2], password: 'første adgangskode til Tværs' };
    await anonymous.setPassword(first);
    expect((await problem(anonymous.setPassword(first))).status).toBe(400);
    const { cookie } = await anonymous.login({ email: 'it@kommune.dk', password: first.password });
    const api = apiClient(server, cookie);
    const staff = await api.admin.staff();
    expect(staff.items).toEqual([
      expect.objectContaining({ email: 'it@kommune.dk', name: 'Første Administrator', roles: ['admin'], active: true }),
    ]);
    const me = staff.items[0].id;

    // The last active administrator cannot leave the installation without one.
    expect(await problem(api.admin.updateStaff(me, { active: false }))).toMatchObject({
      status: 409,
      code: 'LAST_ADMIN',
    });
    // Nor does anyone change their own roles (separation of duties).
    expect((await problem(api.admin.updateStaff(me, { roles: ['manager'] }))).status).toBe(403);
    const second = await api.admin.createStaff({
      email: 'it2@kommune.dk',
      name: 'Anden Administrator',
      roles: ['admin'],
      discipline: 'social',
    });
    const secondLink = await api.admin.passwordReset(second.id);
    const secondPassword = 'anden adgangskode til Tværs';
    await anonymous.setPassword({ token: secondLink.path!.split('/').pop()!, password: secondPassword });
    const secondLogin = await anonymous.login({ email: 'it2@kommune.dk', password: secondPassword });
    const secondApi = apiClient(server, secondLogin.cookie);
    // The second administrator demotes the first.
    await secondApi.admin.updateStaff(me, { roles: ['manager'] });
    // Now the other one is the last.
    expect(await problem(secondApi.admin.updateStaff(second.id, { active: false }))).toMatchObject({
      status: 409,
      code: 'LAST_ADMIN',
    });
    // And the demoted one has no administration left.
    expect((await problem(api.admin.staff())).status).toBe(403);

    const client = new Client({ connectionString: ownerUrl });
    await client.connect();
    const audit = await client.query(
      `SELECT actor_kind, actor_name, action, citizen_id FROM audit_entry WHERE entity_id = $1 ORDER BY id`,
      [me],
    );
    await client.end();
    expect(audit.rows).toEqual([
      { actor_kind: 'system', actor_name: 'create-admin', action: 'staff.create', citizen_id: null },
      { actor_kind: 'system', actor_name: 'Link til adgangskode', action: 'staff.password.set', citizen_id: null },
      { actor_kind: 'staff', actor_name: 'Anden Administrator', action: 'staff.update', citizen_id: null },
    ]);
  }, 60_000);

  it('works with the embedded database when no DATABASE_URL is given', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvaers-create-admin-'));
    try {
      const env = { NODE_ENV: 'production', DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) };
      const made = await runCli(['create-admin', '--email', 'first@kommune.dk', '--name', 'Første Administrator'], env);
      expect(made.code).toBe(0);
      // Without PUBLIC_BASE_URL the link is the path to append to the server's address.
      expect(made.out).toMatch(/<the server's address>\/set-password\/[A-Za-z0-9_-]{43}/);
      const again = await runCli(
        ['create-admin', '--email', 'first@kommune.dk', '--name', 'Første Administrator'],
        env,
      );
      expect(again.code).toBe(1);
      expect(again.out).toContain('already exists');
    } finally {
      const note = path.join(dataDir, 'POSTGRES_LOCATION.txt');
      const cluster = fs.existsSync(note) ? fs.readFileSync(note, 'utf8').trim().split('\n').pop() : undefined;
      if (cluster?.startsWith('/var/lib/tvaers/clusters/')) fs.rmSync(cluster, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
