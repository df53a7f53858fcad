import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A staff member's work phone (optional): meeting invitations name the organiser with a number to call. */
export class MeetingLife1796810000000 implements MigrationInterface {
  name = 'MeetingLife1796810000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff" ADD "phone" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff" DROP COLUMN "phone"`);
  }
}
