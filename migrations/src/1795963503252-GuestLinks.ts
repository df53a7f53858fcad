import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Guest links (token hashes only), their per-address rate limit, and the doctor's statements and citizen's own assessments. */
export class GuestLinks1795963503252 implements MigrationInterface {
  name = 'GuestLinks1795963503252';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "guest_link" ("participant_id" uuid NOT NULL, "token_hash" bytea NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2389607f334dd1496fa2682ee3b" PRIMARY KEY ("participant_id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_guest_link_token_hash" ON "guest_link"  ("token_hash") `);
    await queryRunner.query(
      `CREATE TABLE "guest_throttle" ("key" text NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "count" integer NOT NULL, CONSTRAINT "PK_9a6cae3601bd10ff6a396cbe235" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_guest_throttle_window_start" ON "guest_throttle"  ("window_start") `);
    await queryRunner.query(
      `CREATE TABLE "health_statement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "meeting_id" uuid, "participant_id" uuid, "doctor_name" text NOT NULL, "work_capacity" text NOT NULL, "assessment" text NOT NULL, "recommendations" text NOT NULL, "restrictions" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f04246ab573b67dc432426840f1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_health_statement_case" ON "health_statement"  ("case_id") `);
    await queryRunner.query(
      `CREATE TABLE "own_assessment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "meeting_id" uuid, "participant_id" uuid, "text" text NOT NULL, "wellbeing" smallint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b966be705cee9194ff7db032d91" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_own_assessment_case" ON "own_assessment"  ("case_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_own_assessment_meeting" ON "own_assessment"  ("meeting_id") `);
    await queryRunner.query(
      `ALTER TABLE "guest_link" ADD CONSTRAINT "FK_2389607f334dd1496fa2682ee3b" FOREIGN KEY ("participant_id") REFERENCES "meeting_participant"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "health_statement" ADD CONSTRAINT "FK_13709c10783a2a1871535319baf" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "health_statement" ADD CONSTRAINT "FK_3d7053bfa867e426f530e220405" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "health_statement" ADD CONSTRAINT "FK_02b3fa3c474ec5093417419cdf5" FOREIGN KEY ("participant_id") REFERENCES "meeting_participant"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "own_assessment" ADD CONSTRAINT "FK_f7b588aac4ca51115c358971d76" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "own_assessment" ADD CONSTRAINT "FK_453b1838e42c0546c1dae5f93de" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "own_assessment" ADD CONSTRAINT "FK_a4ac0c0c30ea111fb893d89c686" FOREIGN KEY ("participant_id") REFERENCES "meeting_participant"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "own_assessment" DROP CONSTRAINT "FK_a4ac0c0c30ea111fb893d89c686"`);
    await queryRunner.query(`ALTER TABLE "own_assessment" DROP CONSTRAINT "FK_453b1838e42c0546c1dae5f93de"`);
    await queryRunner.query(`ALTER TABLE "own_assessment" DROP CONSTRAINT "FK_f7b588aac4ca51115c358971d76"`);
    await queryRunner.query(`ALTER TABLE "health_statement" DROP CONSTRAINT "FK_02b3fa3c474ec5093417419cdf5"`);
    await queryRunner.query(`ALTER TABLE "health_statement" DROP CONSTRAINT "FK_3d7053bfa867e426f530e220405"`);
    await queryRunner.query(`ALTER TABLE "health_statement" DROP CONSTRAINT "FK_13709c10783a2a1871535319baf"`);
    await queryRunner.query(`ALTER TABLE "guest_link" DROP CONSTRAINT "FK_2389607f334dd1496fa2682ee3b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_own_assessment_meeting"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_own_assessment_case"`);
    await queryRunner.query(`DROP TABLE "own_assessment"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_health_statement_case"`);
    await queryRunner.query(`DROP TABLE "health_statement"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_guest_throttle_window_start"`);
    await queryRunner.query(`DROP TABLE "guest_throttle"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_guest_link_token_hash"`);
    await queryRunner.query(`DROP TABLE "guest_link"`);
  }
}
