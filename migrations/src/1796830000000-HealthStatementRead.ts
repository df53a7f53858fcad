import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which doctors' health statements the case's responsible person has read (the worklist shows the rest). */
export class HealthStatementRead1796830000000 implements MigrationInterface {
  name = 'HealthStatementRead1796830000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "health_statement_read" ("statement_id" uuid NOT NULL, "read_by_id" uuid NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_health_statement_read" PRIMARY KEY ("statement_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "health_statement_read" ADD CONSTRAINT "FK_health_statement_read_statement" FOREIGN KEY ("statement_id") REFERENCES "health_statement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "health_statement_read" ADD CONSTRAINT "FK_health_statement_read_staff" FOREIGN KEY ("read_by_id") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Statements given before this table existed count as read: the worklist starts with new arrivals.
    await queryRunner.query(
      `INSERT INTO "health_statement_read" ("statement_id", "read_by_id", "read_at")
       SELECT s.id, k.responsible_id, s.created_at FROM "health_statement" s JOIN "case" k ON k.id = s.case_id
        WHERE k.responsible_id IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "health_statement_read"`);
  }
}
