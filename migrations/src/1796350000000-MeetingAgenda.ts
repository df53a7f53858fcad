import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A meeting's own agenda, shown in the live room; empty: the standard roundtable agenda. */
export class MeetingAgenda1796350000000 implements MigrationInterface {
  name = 'MeetingAgenda1796350000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting" ADD "agenda" text array NOT NULL DEFAULT '{}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting" DROP COLUMN "agenda"`);
  }
}
