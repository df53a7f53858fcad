import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Login failures counted per (e-mail, address) and per address in one row per key, replacing login_attempt. */
export class LoginThrottle1795950589378 implements MigrationInterface {
  name = 'LoginThrottle1795950589378';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_login_attempt_email_at"`);
    await queryRunner.query(`DROP TABLE "login_attempt"`);
    await queryRunner.query(
      `CREATE TABLE "login_throttle" ("key" text NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "count" integer NOT NULL, CONSTRAINT "PK_14c03bac82292a8310c54cb98d0" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_login_throttle_window_start" ON "login_throttle"  ("window_start") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_login_throttle_window_start"`);
    await queryRunner.query(`DROP TABLE "login_throttle"`);
    await queryRunner.query(
      `CREATE TABLE "login_attempt" ("id" BIGSERIAL NOT NULL, "email" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_72829cd4f7424e3cdfd46c476c0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_login_attempt_email_at" ON "login_attempt"  ("email", "at") `);
  }
}
