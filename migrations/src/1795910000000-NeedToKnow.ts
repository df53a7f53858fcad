import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who registered a citizen (intake visibility before a case exists); audit paging by (citizen, at, id). */
export class NeedToKnow1795910000000 implements MigrationInterface {
  name = 'NeedToKnow1795910000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "citizen" ADD "registered_by_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "citizen" ADD CONSTRAINT "FK_citizen_registered_by" FOREIGN KEY ("registered_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_citizen_at"`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_citizen_at_id" ON "audit_entry" ("citizen_id", "at", "id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_citizen_at_id"`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_citizen_at" ON "audit_entry" ("citizen_id", "at") `);
    await queryRunner.query(`ALTER TABLE "citizen" DROP CONSTRAINT "FK_citizen_registered_by"`);
    await queryRunner.query(`ALTER TABLE "citizen" DROP COLUMN "registered_by_id"`);
  }
}
