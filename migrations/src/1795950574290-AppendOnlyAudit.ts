import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Second line of defence behind the application role's missing UPDATE/DELETE/TRUNCATE rights: the audit log
 * refuses changes from everyone, the owner included (only the owner can drop the trigger, and that is DDL).
 */
export class AppendOnlyAudit1795950574290 implements MigrationInterface {
  name = 'AppendOnlyAudit1795950574290';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "audit_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP
    USING HINT = 'Audit rows may be added and read, never changed or removed.';
END
$$`);
    await queryRunner.query(
      `CREATE TRIGGER "audit_entry_append_only_row" BEFORE UPDATE OR DELETE ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION "audit_entry_append_only"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "audit_entry_append_only_truncate" BEFORE TRUNCATE ON "audit_entry" FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_append_only"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_entry_append_only_truncate" ON "audit_entry"`);
    await queryRunner.query(`DROP TRIGGER "audit_entry_append_only_row" ON "audit_entry"`);
    await queryRunner.query(`DROP FUNCTION "audit_entry_append_only"()`);
  }
}
