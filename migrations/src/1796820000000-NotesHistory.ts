import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shared notes with a history: every accepted update is kept append-only with its author and the
 * Yjs client ids it created, so a guest cannot erase others' text and any earlier text can be restored;
 * `meeting_notes` becomes a snapshot compacted now and then. Another guest (kind `guest`) reads the notes only
 * where the organiser shares them (`notes_shared`). An index answers "has this person a row of this action on
 * this entity" for one notes row per person per meeting in the access log.
 */
export class NotesHistory1796820000000 implements MigrationInterface {
  name = 'NotesHistory1796820000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "meeting_notes_update" ("seq" BIGSERIAL NOT NULL, "meeting_id" uuid NOT NULL, "author_kind" text NOT NULL, "author_id" uuid, "author_name" text NOT NULL, "client_ids" bigint array NOT NULL DEFAULT '{}', "update" bytea NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c0f2ad6a82d7cc7376d31f32410" PRIMARY KEY ("seq"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_meeting_notes_update_meeting_seq" ON "meeting_notes_update"  ("meeting_id", "seq") `,
    );
    await queryRunner.query(`ALTER TABLE "meeting_participant" ADD "notes_shared" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "meeting_notes" ADD "snapshot_seq" bigint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "meeting_notes" ADD "head_seq" bigint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "meeting_notes" ADD "pending_bytes" bigint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "meeting_notes" ADD "pending_count" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_entity_actor" ON "audit_entry"  ("entity_id", "actor_id", "action") `,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_notes_update" ADD CONSTRAINT "FK_7c28802f929b07f0d78aa2bd711" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Notes written before the history: their merged state is its first entry, written by Tværs itself.
    await queryRunner.query(
      `INSERT INTO "meeting_notes_update" ("meeting_id", "author_kind", "author_id", "author_name", "update")
       SELECT "meeting_id", 'system', NULL, 'Tværs', "state" FROM "meeting_notes" WHERE length("state") > 0 ORDER BY "meeting_id"`,
    );
    await queryRunner.query(
      `UPDATE "meeting_notes" n SET "head_seq" = u."seq", "snapshot_seq" = u."seq"
         FROM "meeting_notes_update" u WHERE u."meeting_id" = n."meeting_id"`,
    );
    // The history is never rewritten (it goes only with its meeting).
    await queryRunner.query(
      `CREATE FUNCTION "meeting_notes_update_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'meeting_notes_update is append-only'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "meeting_notes_update_append_only" BEFORE UPDATE ON "meeting_notes_update" FOR EACH ROW EXECUTE FUNCTION "meeting_notes_update_append_only"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "meeting_notes_update_append_only" ON "meeting_notes_update"`);
    await queryRunner.query(`DROP FUNCTION "meeting_notes_update_append_only"()`);
    await queryRunner.query(`ALTER TABLE "meeting_notes_update" DROP CONSTRAINT "FK_7c28802f929b07f0d78aa2bd711"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_entity_actor"`);
    await queryRunner.query(`ALTER TABLE "meeting_notes" DROP COLUMN "pending_count"`);
    await queryRunner.query(`ALTER TABLE "meeting_notes" DROP COLUMN "pending_bytes"`);
    await queryRunner.query(`ALTER TABLE "meeting_notes" DROP COLUMN "head_seq"`);
    await queryRunner.query(`ALTER TABLE "meeting_notes" DROP COLUMN "snapshot_seq"`);
    await queryRunner.query(`ALTER TABLE "meeting_participant" DROP COLUMN "notes_shared"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_meeting_notes_update_meeting_seq"`);
    await queryRunner.query(`DROP TABLE "meeting_notes_update"`);
  }
}
