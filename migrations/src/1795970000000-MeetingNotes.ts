import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A meeting's shared notes: its Yjs document as one merged state, written under the row's lock. */
export class MeetingNotes1795970000000 implements MigrationInterface {
  name = 'MeetingNotes1795970000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "meeting_notes" ("meeting_id" uuid NOT NULL, "state" bytea NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2447d9d3ce92c6e8f5a2d391202" PRIMARY KEY ("meeting_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_notes" ADD CONSTRAINT "FK_2447d9d3ce92c6e8f5a2d391202" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting_notes" DROP CONSTRAINT "FK_2447d9d3ce92c6e8f5a2d391202"`);
    await queryRunner.query(`DROP TABLE "meeting_notes"`);
  }
}
