import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the hot reads at a large municipality's scale: the caseload dashboard's overrides read the whole
 * access log on every request (no index on `action` or `at`); a partial index keeps just the overrides.
 */
export class HotQueryIndexes1797000000000 implements MigrationInterface {
  name = 'HotQueryIndexes1797000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_override_at" ON "audit_entry" ("at") WHERE "action" = 'caseload.override'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_audit_override_at"`);
  }
}
