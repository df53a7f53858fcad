import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Working hours per staff member (none stored: Monday–Friday 08:00–16:00) and absences, for finding common free time. */
export class Availability1795963547275 implements MigrationInterface {
  name = 'Availability1795963547275';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "absence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "staff_id" uuid NOT NULL, "start_at" TIMESTAMP WITH TIME ZONE NOT NULL, "end_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" text, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_30089b15c0f880f026581218c16" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_absence_staff_time" ON "absence"  ("staff_id", "start_at", "end_at") `);
    await queryRunner.query(
      `CREATE TABLE "working_hours" ("staff_id" uuid NOT NULL, "hours" jsonb NOT NULL, "updated_by_id" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dbc3ee77e78eb8d22fe25671b50" PRIMARY KEY ("staff_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "absence" ADD CONSTRAINT "FK_93d732a63fe5baf562a2d2cb4d0" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "working_hours" ADD CONSTRAINT "FK_dbc3ee77e78eb8d22fe25671b50" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "working_hours" DROP CONSTRAINT "FK_dbc3ee77e78eb8d22fe25671b50"`);
    await queryRunner.query(`ALTER TABLE "absence" DROP CONSTRAINT "FK_93d732a63fe5baf562a2d2cb4d0"`);
    await queryRunner.query(`DROP TABLE "working_hours"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_absence_staff_time"`);
    await queryRunner.query(`DROP TABLE "absence"`);
  }
}
