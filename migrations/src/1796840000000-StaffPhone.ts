import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A staff member's work phone, shown to the guests of meetings they organise (who to call). */
export class StaffPhone1796840000000 implements MigrationInterface {
  name = 'StaffPhone1796840000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff" ADD "phone" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff" DROP COLUMN "phone"`);
  }
}
