import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SharedPlan1795625606305 implements MigrationInterface {
  name = 'SharedPlan1795625606305';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_member" ("case_id" uuid NOT NULL, "staff_id" uuid NOT NULL, "role" text NOT NULL, CONSTRAINT "PK_5f6927a0020f0924a65d91fed9a" PRIMARY KEY ("case_id", "staff_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "consent" ("citizen_id" uuid NOT NULL, "scope" text NOT NULL, "given" boolean NOT NULL, "given_at" TIMESTAMP WITH TIME ZONE, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "recorded_by_id" uuid NOT NULL, "recorded_by_name" text NOT NULL, "note" text, CONSTRAINT "PK_79e1da7b0bacec31120ad6694a4" PRIMARY KEY ("citizen_id", "scope"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "citizen_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "kind" text NOT NULL, "description" text NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decision_due" date NOT NULL, "decision" text, "decision_reason" text, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by_id" uuid, "decided_by_name" text, "recorded_by_id" uuid NOT NULL, CONSTRAINT "PK_57bdd4e37af6a8c7d160df79ba9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_citizen_request_case" ON "citizen_request"  ("case_id") `);
    await queryRunner.query(
      `CREATE TABLE "effort" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "type" text NOT NULL, "title" text NOT NULL, "discipline" text NOT NULL, "owner_id" uuid, "purpose" text, "start_date" date, "end_date" date, "status" text NOT NULL DEFAULT 'planned', "stop_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c732818808d92bf61cd34741d24" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_effort_case" ON "effort"  ("case_id") `);
    await queryRunner.query(
      `CREATE TABLE "indicator_score" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "key" text NOT NULL, "rated_by" text NOT NULL, "score" smallint NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_by_id" uuid NOT NULL, "note" text, CONSTRAINT "PK_c29231b9abd4d5d0e636b9a3d6c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_indicator_case_at" ON "indicator_score"  ("case_id", "at") `);
    await queryRunner.query(
      `CREATE TABLE "plan_version" ("case_id" uuid NOT NULL, "version" integer NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "by_id" uuid, "by_name" text, "changes" jsonb NOT NULL, CONSTRAINT "PK_d9205e643b83ffe86f61ad7e9bf" PRIMARY KEY ("case_id", "version"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "plan" ("case_id" uuid NOT NULL, "version" integer NOT NULL, "citizen_goal" text NOT NULL DEFAULT '', "job_goal" text NOT NULL DEFAULT '', "contact_plan" jsonb, "reviewed_on" date NOT NULL, "assessed_on" date, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by_id" uuid, "updated_by_name" text, CONSTRAINT "PK_8d557d8871bfa7b3d40cf890eaa" PRIMARY KEY ("case_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_member" ADD CONSTRAINT "FK_e4c26097a0e5f78bb3d9a8b7d2b" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_member" ADD CONSTRAINT "FK_922e2b1cdac49d5b3d55d62725d" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "consent" ADD CONSTRAINT "FK_cf02b47b8f91d90cfc959db3e14" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "plan" ADD CONSTRAINT "FK_8d557d8871bfa7b3d40cf890eaa" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Every existing case gets its plan at version 1.
    await queryRunner.query(
      `INSERT INTO "plan" (case_id, version, citizen_goal, job_goal, reviewed_on, updated_at)
       SELECT id, 1, '', '', (opened_at AT TIME ZONE 'Europe/Copenhagen')::date, opened_at FROM "case"`,
    );
    await queryRunner.query(
      `INSERT INTO "plan_version" (case_id, version, at, changes) SELECT case_id, 1, updated_at, '[]'::jsonb FROM "plan"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plan" DROP CONSTRAINT "FK_8d557d8871bfa7b3d40cf890eaa"`);
    await queryRunner.query(`ALTER TABLE "consent" DROP CONSTRAINT "FK_cf02b47b8f91d90cfc959db3e14"`);
    await queryRunner.query(`ALTER TABLE "case_member" DROP CONSTRAINT "FK_922e2b1cdac49d5b3d55d62725d"`);
    await queryRunner.query(`ALTER TABLE "case_member" DROP CONSTRAINT "FK_e4c26097a0e5f78bb3d9a8b7d2b"`);
    await queryRunner.query(`DROP TABLE "plan"`);
    await queryRunner.query(`DROP TABLE "plan_version"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_indicator_case_at"`);
    await queryRunner.query(`DROP TABLE "indicator_score"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_effort_case"`);
    await queryRunner.query(`DROP TABLE "effort"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_citizen_request_case"`);
    await queryRunner.query(`DROP TABLE "citizen_request"`);
    await queryRunner.query(`DROP TABLE "consent"`);
    await queryRunner.query(`DROP TABLE "case_member"`);
  }
}
