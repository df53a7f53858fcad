import { Client, type DatabaseError } from 'pg';

// The audit log is append-only at the database: the application's role lacks the rights (42501), and a
// trigger refuses changes from everyone else, the owner included.
const connect = async (url: string | undefined) => {
  if (!url) throw new Error('run through jest.integration.config.js');
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
};

const failure = (promise: Promise<unknown>): Promise<DatabaseError> =>
  promise.then(
    () => {
      throw new Error('the statement succeeded');
    },
    (err: DatabaseError) => err,
  );

let app: Client;
let owner: Client;
let id: string;
beforeAll(async () => {
  app = await connect(process.env.TEST_DATABASE_URL);
  owner = await connect(process.env.TEST_OWNER_DATABASE_URL);
});
afterAll(async () => {
  await app?.end();
  await owner?.end();
});

describe('as the application role', () => {
  it('adds and reads audit rows', async () => {
    const { rows } = await app.query<{ id: string }>(
      `INSERT INTO audit_entry (actor_kind, actor_name, action) VALUES ('system', 'append-only test', 'test.append_only') RETURNING id`,
    );
    id = rows[0].id;
    const read = await app.query('SELECT action FROM audit_entry WHERE id = $1', [id]);
    expect(read.rows).toEqual([{ action: 'test.append_only' }]);
  });

  it.each([
    ['UPDATE', () => `UPDATE audit_entry SET action = 'forged' WHERE id = ${Number(id)}`],
    ['DELETE', () => `DELETE FROM audit_entry WHERE id = ${Number(id)}`],
    ['TRUNCATE', () => 'TRUNCATE audit_entry'],
    ['disable the trigger', () => 'ALTER TABLE audit_entry DISABLE TRIGGER ALL'],
  ])('may not %s: a privilege error, not the trigger', async (_what, sql) => {
    const err = await failure(app.query(sql()));
    expect(err.code).toBe('42501');
    expect(err.message).toMatch(/permission denied|must be owner/);
  });

  it('has no UPDATE, DELETE or TRUNCATE right on audit_entry even without the trigger', async () => {
    const role = (await app.query<{ u: string }>('SELECT current_user AS u')).rows[0].u;
    const { rows } = await owner.query<{ privilege: string; granted: boolean }>(
      `SELECT p AS privilege, has_table_privilege($1, 'audit_entry', p) AS granted
         FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) p`,
      [role],
    );
    expect(Object.fromEntries(rows.map((r) => [r.privilege, r.granted]))).toEqual({
      SELECT: true,
      INSERT: true,
      UPDATE: false,
      DELETE: false,
      TRUNCATE: false,
    });
  });

  it('still writes the other tables', async () => {
    await app.query('BEGIN');
    try {
      await app.query(`UPDATE team SET name = name WHERE false`);
      await app.query(`DELETE FROM session WHERE false`);
    } finally {
      await app.query('ROLLBACK');
    }
  });
});

describe('as the owner', () => {
  it.each([
    ['UPDATE', () => `UPDATE audit_entry SET action = 'forged' WHERE id = ${Number(id)}`],
    ['DELETE', () => `DELETE FROM audit_entry WHERE id = ${Number(id)}`],
    ['TRUNCATE', () => 'TRUNCATE audit_entry'],
  ])('is refused %s by the trigger', async (_what, sql) => {
    const err = await failure(owner.query(sql()));
    expect(err.code).toBe('P0001');
    expect(err.message).toMatch(/audit_entry is append-only/);
    const { rows } = await owner.query('SELECT action FROM audit_entry WHERE id = $1', [id]);
    expect(rows).toEqual([{ action: 'test.append_only' }]);
  });
});
