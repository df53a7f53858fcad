import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose ceiling columns are kept, and which columns' changes write a history row. */
const TRIGGERS: [table: string, kind: string, columns: string[]][] = [
  ['staff', 'staff', ['caseload_ceiling']],
  ['team', 'team', ['caseload_ceiling', 'target_group_id']],
  ['caseload_target_group', 'target_group', ['default_ceiling']],
];

/**
 * Ceiling history: every value of a person's own ceiling, a team's ceiling and target group, and a target group's
 * default ceiling is kept with its time, so days over ceiling count each day against the ceiling in force then.
 * Triggers write it in the transaction of the change, whichever route (or seed) makes it. The values in force
 * now are the starting point, dated at the epoch: the past counts against them until a change is recorded.
 */
export class CeilingHistory1796840000000 implements MigrationInterface {
  name = 'CeilingHistory1796840000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "caseload_ceiling_change" ("id" BIGSERIAL NOT NULL, "scope" text NOT NULL, "subject_id" text NOT NULL, "ceiling" numeric(6,2), "target_group_id" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_caseload_ceiling_change" PRIMARY KEY ("id"), CONSTRAINT "CHK_caseload_ceiling_change_scope" CHECK ("scope" IN ('staff', 'team', 'target_group')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_caseload_ceiling_change_subject" ON "caseload_ceiling_change" ("scope", "subject_id", "at") `,
    );
    await queryRunner.query(
      `INSERT INTO "caseload_ceiling_change" ("scope", "subject_id", "ceiling", "at")
       SELECT 'staff', "id"::text, "caseload_ceiling", 'epoch' FROM "staff" ORDER BY "id"`,
    );
    await queryRunner.query(
      `INSERT INTO "caseload_ceiling_change" ("scope", "subject_id", "ceiling", "target_group_id", "at")
       SELECT 'team', "id"::text, "caseload_ceiling", "target_group_id", 'epoch' FROM "team" ORDER BY "id"`,
    );
    await queryRunner.query(
      `INSERT INTO "caseload_ceiling_change" ("scope", "subject_id", "ceiling", "at")
       SELECT 'target_group', "id", "default_ceiling", 'epoch' FROM "caseload_target_group" ORDER BY "id"`,
    );
    await queryRunner.query(
      `CREATE FUNCTION "caseload_ceiling_keep_staff"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO "caseload_ceiling_change" ("scope", "subject_id", "ceiling") VALUES ('staff', NEW."id"::text, NEW."caseload_ceiling");
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION "caseload_ceiling_keep_team"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO "caseload_ceiling_change" ("scope", "subject_id", "ceiling", "target_group_id")
           VALUES ('team', NEW."id"::text, NEW."caseload_ceiling", NEW."target_group_id");
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION "caseload_ceiling_keep_target_group"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO "caseload_ceiling_change" ("scope", "subject_id", "ceiling") VALUES ('target_group', NEW."id", NEW."default_ceiling");
         RETURN NULL;
       END $$`,
    );
    for (const [table, kind, columns] of TRIGGERS) {
      const changed = columns.map((c) => `OLD."${c}" IS DISTINCT FROM NEW."${c}"`).join(' OR ');
      await queryRunner.query(
        `CREATE TRIGGER "caseload_ceiling_insert_${kind}" AFTER INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION "caseload_ceiling_keep_${kind}"()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "caseload_ceiling_update_${kind}" AFTER UPDATE ON "${table}" FOR EACH ROW WHEN (${changed}) EXECUTE FUNCTION "caseload_ceiling_keep_${kind}"()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, kind] of TRIGGERS) {
      await queryRunner.query(`DROP TRIGGER "caseload_ceiling_update_${kind}" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "caseload_ceiling_insert_${kind}" ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION "caseload_ceiling_keep_${kind}"()`);
    }
    await queryRunner.query(`DROP TABLE "caseload_ceiling_change"`);
  }
}
