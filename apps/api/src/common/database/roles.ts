import { Client } from 'pg';

/** The login role the application uses on the embedded PostgreSQL. */
export const EMBEDDED_APP_ROLE = 'tvaers_app';

/** Audit rows are append-only: the application may add and read them, never change or remove them. */
const APPEND_ONLY_TABLES = ['audit_entry'];
/** pg-boss's schema (see the Invitations migration). */
export const JOB_SCHEMA = 'pgboss';
/** TypeORM's own bookkeeping: the application reads it at most; only migrations write it. */
const READ_ONLY_TABLES = ['migrations'];

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The role a connection string logs in as. */
export const roleOf = (url: string): string => decodeURIComponent(new URL(url).username);

/** `url` with another user and password. */
export function withLogin(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/**
 * Creates the login role unless it exists, and (re)applies its password and attributes, so the password
 * file and the database always agree. `serverUrl` must be allowed to create roles.
 */
export async function ensureLoginRole(serverUrl: string, role: string, password: string): Promise<void> {
  await withClient(serverUrl, async (client) => {
    const name = client.escapeIdentifier(role);
    // Nothing that could bypass the grants below.
    const attributes = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS';
    const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    // CREATE/ALTER ROLE take no bind parameters; escapeLiteral quotes the password.
    const verb = found.rowCount === 0 ? 'CREATE' : 'ALTER';
    await client.query(`${verb} ROLE ${name} WITH ${attributes} PASSWORD ${client.escapeLiteral(password)}`);
  });
}

/**
 * Run as the schema owner after migrations (new tables need their grants): the application role may read
 * and write every table except the append-only and read-only ones. Fails when the role could still change
 * audit rows anyway (a superuser, or the tables' owner), since then the promise does not hold.
 */
export async function grantAppRole(ownerUrl: string, role: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const name = client.escapeIdentifier(role);
    await client.query('BEGIN');
    try {
      // The migrations' lock: concurrent GRANTs on one table fail with "tuple concurrently updated".
      await client.query('SELECT pg_advisory_xact_lock(727001)');
      await client.query(`GRANT USAGE ON SCHEMA public TO ${name}`);
      await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${name}`);
      await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${name}`);
      // The job queue (pg-boss): its schema and queues come from a migration; the application only moves jobs.
      const jobs = await client.query('SELECT to_regnamespace($1) IS NOT NULL AS ok', [JOB_SCHEMA]);
      if ((jobs.rows[0] as { ok: boolean }).ok) {
        await client.query(`GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO ${name}`);
        await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO ${name}`);
        await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${JOB_SCHEMA} TO ${name}`);
      }
      for (const table of APPEND_ONLY_TABLES) {
        const t = `public.${client.escapeIdentifier(table)}`;
        await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${t} FROM ${name}`);
        await client.query(`GRANT SELECT, INSERT ON ${t} TO ${name}`);
      }
      for (const table of READ_ONLY_TABLES) {
        const exists = await client.query('SELECT to_regclass($1) IS NOT NULL AS ok', [`public.${table}`]);
        if (!(exists.rows[0] as { ok: boolean }).ok) continue;
        const t = `public.${client.escapeIdentifier(table)}`;
        await client.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${t} FROM ${name}`);
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
    // The owner (or a member of its role) can grant itself the rights back, so owning counts as having them.
    const { rows } = await client.query<{ table: string; privilege: string }>(
      `SELECT t AS table, p AS privilege
         FROM unnest($2::text[]) t, unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE', 'OWNERSHIP']) p
        WHERE CASE p WHEN 'OWNERSHIP'
                THEN pg_has_role($1, (SELECT relowner FROM pg_class WHERE oid = ('public.' || quote_ident(t))::regclass), 'MEMBER')
                ELSE has_table_privilege($1, 'public.' || quote_ident(t), p) END`,
      [role, APPEND_ONLY_TABLES],
    );
    if (rows.length > 0) {
      const list = rows.map((r) => `${r.privilege} on ${r.table}`).join(', ');
      throw new Error(
        `The application role "${role}" still has ${list} (is it a superuser or the tables' owner?). ` +
          'Give it its own role without these rights; see "Running in production" in docs/operations.md.',
      );
    }
  });
}
