import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the visibility rule and the caseload at a large municipality's scale: the rule reads one staff
 * member's case memberships (only the primary key, case first, existed), and the caseload counts and sums each
 * person's active cases (the partial index holds the weight, so the heap is not read).
 */
export class VisibilityLoadIndexes1797100000000 implements MigrationInterface {
  name = 'VisibilityLoadIndexes1797100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_case_member_staff" ON "case_member" ("staff_id", "case_id")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_case_active_responsible" ON "case" ("responsible_id", "weight") WHERE "status" = 'active'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_case_active_responsible"`);
    await queryRunner.query(`DROP INDEX "IDX_case_member_staff"`);
  }
}
