import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A structured outcome of closing a case (job, education, flexjob, other) for the outcome figures. */
export class CloseOutcome1796700000000 implements MigrationInterface {
  name = 'CloseOutcome1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case" ADD "close_outcome" text`);
    // Cases closed before the outcome was asked for: their free-text reason says what, the figure says 'other'.
    await queryRunner.query(`UPDATE "case" SET "close_outcome" = 'other' WHERE "status" = 'closed'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case" DROP COLUMN "close_outcome"`);
  }
}
