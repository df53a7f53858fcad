import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the large lists: a case carries its citizen's name (kept by triggers), so a team's cases are read
 * in name order from an index instead of looking up every citizen to sort them; a team's active cases are
 * counted and summed per person from an index alone; a staff member's meetings and their times are read from
 * indexes alone (calendar, availability, clash checks).
 */
export class ListSortIndexes1797200000000 implements MigrationInterface {
  name = 'ListSortIndexes1797200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case" ADD "citizen_name" text`);
    await queryRunner.query(`UPDATE "case" k SET citizen_name = c.name FROM citizen c WHERE c.id = k.citizen_id`);
    await queryRunner.query(`ALTER TABLE "case" ALTER COLUMN "citizen_name" SET NOT NULL`);
    await queryRunner.query(`
      CREATE FUNCTION case_citizen_name() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT name INTO NEW.citizen_name FROM citizen WHERE id = NEW.citizen_id;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER case_citizen_name BEFORE INSERT OR UPDATE OF citizen_id, citizen_name ON "case"
        FOR EACH ROW EXECUTE FUNCTION case_citizen_name()`);
    await queryRunner.query(`
      CREATE FUNCTION citizen_name_to_cases() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE "case" SET citizen_name = NEW.name WHERE citizen_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER citizen_name_to_cases AFTER UPDATE OF name ON citizen
        FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION citizen_name_to_cases()`);
    await queryRunner.query(
      `CREATE INDEX "IDX_case_active_team_name" ON "case" ("team_id", "citizen_name") WHERE "status" = 'active'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_case_active_team_load" ON "case" ("team_id", "responsible_id", "weight") WHERE "status" = 'active'`,
    );
    await queryRunner.query(`DROP INDEX "IDX_meeting_participant_staff"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_meeting_participant_staff" ON "meeting_participant" ("staff_id", "meeting_id")`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_meeting_id_time" ON "meeting" ("id", "status", "start_at", "end_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_meeting_id_time"`);
    await queryRunner.query(`DROP INDEX "IDX_meeting_participant_staff"`);
    await queryRunner.query(`CREATE INDEX "IDX_meeting_participant_staff" ON "meeting_participant" ("staff_id")`);
    await queryRunner.query(`DROP INDEX "IDX_case_active_team_load"`);
    await queryRunner.query(`DROP INDEX "IDX_case_active_team_name"`);
    await queryRunner.query(`DROP TRIGGER citizen_name_to_cases ON citizen`);
    await queryRunner.query(`DROP FUNCTION citizen_name_to_cases()`);
    await queryRunner.query(`DROP TRIGGER case_citizen_name ON "case"`);
    await queryRunner.query(`DROP FUNCTION case_citizen_name()`);
    await queryRunner.query(`ALTER TABLE "case" DROP COLUMN "citizen_name"`);
  }
}
