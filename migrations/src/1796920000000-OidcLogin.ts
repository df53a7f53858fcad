import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in through the municipality's identity provider: the provider's subject kept with the person once
 * matched, and each started login's state, nonce and PKCE verifier kept server-side until its callback.
 */
export class OidcLogin1796920000000 implements MigrationInterface {
  name = 'OidcLogin1796920000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff" ADD "oidc_subject" text`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_staff_oidc_subject" ON "staff" ("oidc_subject")`);
    await queryRunner.query(
      `CREATE TABLE "oidc_flow" ("id" text NOT NULL, "state" text NOT NULL, "nonce" text NOT NULL,
        "code_verifier" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_oidc_flow" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "oidc_flow"`);
    await queryRunner.query(`DROP INDEX "UQ_staff_oidc_subject"`);
    await queryRunner.query(`ALTER TABLE "staff" DROP COLUMN "oidc_subject"`);
  }
}
