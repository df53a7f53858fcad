import type { MigrationInterface, QueryRunner } from 'typeorm';

/** After the meeting: who marked it held and when, its summary, and its decisions. */
export class MeetingOutcome1796200000000 implements MigrationInterface {
  name = 'MeetingOutcome1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "meeting" ADD "summary" text, ADD "held_at" TIMESTAMP WITH TIME ZONE, ADD "held_by_id" uuid, ADD "held_by_name" text, ADD "outcome_plan_version" integer`,
    );
    await queryRunner.query(
      `CREATE TABLE "meeting_decision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "position" integer NOT NULL, "text" text NOT NULL, "effort_action" text, "effort_id" uuid, CONSTRAINT "PK_meeting_decision" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_meeting_decision_meeting" ON "meeting_decision" ("meeting_id")`);
    await queryRunner.query(
      `ALTER TABLE "meeting_decision" ADD CONSTRAINT "FK_meeting_decision_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "meeting_decision"`);
    await queryRunner.query(
      `ALTER TABLE "meeting" DROP COLUMN "outcome_plan_version", DROP COLUMN "held_by_name", DROP COLUMN "held_by_id", DROP COLUMN "held_at", DROP COLUMN "summary"`,
    );
  }
}
