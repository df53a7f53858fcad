import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A session's last request (idle timeout) and the browser it was made in (the user's list of their sessions);
 * `expires_at` stays the absolute end.
 */
export class SessionActivity1796910000000 implements MigrationInterface {
  name = 'SessionActivity1796910000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" ADD "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await queryRunner.query(`ALTER TABLE "session" ADD "user_agent" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "user_agent"`);
    await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "last_seen_at"`);
  }
}
