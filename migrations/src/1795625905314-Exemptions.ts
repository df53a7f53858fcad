import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Exemptions1795625905314 implements MigrationInterface {
  name = 'Exemptions1795625905314';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "exemption" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "reason" text NOT NULL, "decided_by_id" uuid NOT NULL, "decided_by_name" text NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_45ebb0c677806e7e5e5469964b5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_exemption_case" ON "exemption"  ("case_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_exemption_case"`);
    await queryRunner.query(`DROP TABLE "exemption"`);
  }
}
