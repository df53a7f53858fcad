import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stable guest links: the token is kept sealed (AES-256-GCM) next to its hash so every mail can carry
 * the same link; who issued it (staff or Tværs for a mail), when it was last mailed, and the staff member it was
 * shown to ("copied": the link then shows no more than that staff member's own view).
 */
export class StableGuestLinks1796800000000 implements MigrationInterface {
  name = 'StableGuestLinks1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "guest_link" ADD "token_sealed" bytea`);
    await queryRunner.query(`ALTER TABLE "guest_link" ADD "created_by_kind" text NOT NULL DEFAULT 'staff'`);
    await queryRunner.query(`ALTER TABLE "guest_link" ADD "created_by_name" text`);
    await queryRunner.query(`ALTER TABLE "guest_link" ADD "mailed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "guest_link" ADD "copied_by" uuid`);
    await queryRunner.query(`ALTER TABLE "guest_link" ADD "copied_by_name" text`);
    // Links made before cannot be told apart (staff route or mail): counted as shown to their issuer, the safe side.
    // Without a sealed token they cannot be mailed again: the next mail issues a new one.
    await queryRunner.query(
      `UPDATE "guest_link" l SET "created_by_name" = s."name", "copied_by" = s."id", "copied_by_name" = s."name"
         FROM "staff" s WHERE s."id" = l."created_by"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "guest_link" DROP COLUMN "copied_by_name"`);
    await queryRunner.query(`ALTER TABLE "guest_link" DROP COLUMN "copied_by"`);
    await queryRunner.query(`ALTER TABLE "guest_link" DROP COLUMN "mailed_at"`);
    await queryRunner.query(`ALTER TABLE "guest_link" DROP COLUMN "created_by_name"`);
    await queryRunner.query(`ALTER TABLE "guest_link" DROP COLUMN "created_by_kind"`);
    await queryRunner.query(`ALTER TABLE "guest_link" DROP COLUMN "token_sealed"`);
  }
}
