import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The one-time e-mail code of guest links (GUEST_EMAIL_CODE): pending codes and verified browsers, both hashed. */
export class GuestCodes1796300000000 implements MigrationInterface {
  name = 'GuestCodes1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "guest_code" ("participant_id" uuid NOT NULL, "code_hash" bytea NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "attempts" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_guest_code" PRIMARY KEY ("participant_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "guest_verification" ("token_hash" bytea NOT NULL, "participant_id" uuid NOT NULL, "link_hash" bytea NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_guest_verification" PRIMARY KEY ("token_hash"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_guest_verification_participant" ON "guest_verification" ("participant_id")`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_guest_verification_expires_at" ON "guest_verification" ("expires_at")`);
    await queryRunner.query(
      `ALTER TABLE "guest_code" ADD CONSTRAINT "FK_guest_code_participant" FOREIGN KEY ("participant_id") REFERENCES "meeting_participant"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "guest_verification" ADD CONSTRAINT "FK_guest_verification_participant" FOREIGN KEY ("participant_id") REFERENCES "meeting_participant"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "guest_verification"`);
    await queryRunner.query(`DROP TABLE "guest_code"`);
  }
}
