import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One-time set-password links (administration and the first administrator): hashed, one per person. */
export class PasswordTokens1796500000000 implements MigrationInterface {
  name = 'PasswordTokens1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "password_token" ("staff_id" uuid NOT NULL, "token_hash" bytea NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_password_token" PRIMARY KEY ("staff_id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_password_token_hash" ON "password_token" ("token_hash")`);
    await queryRunner.query(
      `ALTER TABLE "password_token" ADD CONSTRAINT "FK_password_token_staff" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "password_token"`);
  }
}
