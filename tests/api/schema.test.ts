import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('schema', () => {
  it('matches the entities: no migration is missing', async () => {
    const sql = await t.app.get(DataSource).driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });
});
