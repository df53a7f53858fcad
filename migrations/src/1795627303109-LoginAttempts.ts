import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LoginAttempts1795627303109 implements MigrationInterface {
  name = 'LoginAttempts1795627303109';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "login_attempt" ("id" BIGSERIAL NOT NULL, "email" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_72829cd4f7424e3cdfd46c476c0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_login_attempt_email_at" ON "login_attempt"  ("email", "at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_login_attempt_email_at"`);
    await queryRunner.query(`DROP TABLE "login_attempt"`);
  }
}
