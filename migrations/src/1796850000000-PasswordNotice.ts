import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who issued a set-password link, kept with the link and, once it is used, with the person until their next
 * login tells them (separation of duties: an administrator's reset is never silent).
 */
export class PasswordNotice1796850000000 implements MigrationInterface {
  name = 'PasswordNotice1796850000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "password_token" ADD "issued_by_name" text`);
    await queryRunner.query(`ALTER TABLE "staff" ADD "password_notice_by" text`);
    await queryRunner.query(`ALTER TABLE "staff" ADD "password_notice_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff" DROP COLUMN "password_notice_at"`);
    await queryRunner.query(`ALTER TABLE "staff" DROP COLUMN "password_notice_by"`);
    await queryRunner.query(`ALTER TABLE "password_token" DROP COLUMN "issued_by_name"`);
  }
}
