import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A participant row carries its meeting's status and time (kept by triggers on both tables), so a person's busy
 * times in a period are one range of one index (availability, clash checks) instead of a probe of every meeting
 * the person ever took part in.
 */
export class ParticipantMeetingTime1797300000000 implements MigrationInterface {
  name = 'ParticipantMeetingTime1797300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "meeting_participant" ADD "meeting_status" text, ADD "meeting_start_at" TIMESTAMP WITH TIME ZONE,
         ADD "meeting_end_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `UPDATE meeting_participant p SET meeting_status = m.status, meeting_start_at = m.start_at, meeting_end_at = m.end_at
         FROM meeting m WHERE m.id = p.meeting_id`,
    );
    await queryRunner.query(`ALTER TABLE "meeting_participant" ALTER COLUMN "meeting_status" SET NOT NULL`);
    await queryRunner.query(`
      CREATE FUNCTION participant_meeting_time() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT status, start_at, end_at INTO NEW.meeting_status, NEW.meeting_start_at, NEW.meeting_end_at
          FROM meeting WHERE id = NEW.meeting_id;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER participant_meeting_time
        BEFORE INSERT OR UPDATE OF meeting_id, meeting_status, meeting_start_at, meeting_end_at ON meeting_participant
        FOR EACH ROW EXECUTE FUNCTION participant_meeting_time()`);
    await queryRunner.query(`
      CREATE FUNCTION meeting_time_to_participants() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE meeting_participant
           SET meeting_status = NEW.status, meeting_start_at = NEW.start_at, meeting_end_at = NEW.end_at
         WHERE meeting_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER meeting_time_to_participants AFTER UPDATE OF status, start_at, end_at ON meeting
        FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.start_at IS DISTINCT FROM NEW.start_at
                           OR OLD.end_at IS DISTINCT FROM NEW.end_at)
        EXECUTE FUNCTION meeting_time_to_participants()`);
    await queryRunner.query(
      `CREATE INDEX "IDX_meeting_participant_staff_time" ON "meeting_participant"
         ("staff_id", "meeting_start_at", "meeting_end_at", "meeting_status")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_meeting_participant_staff_time"`);
    await queryRunner.query(`DROP TRIGGER meeting_time_to_participants ON meeting`);
    await queryRunner.query(`DROP FUNCTION meeting_time_to_participants()`);
    await queryRunner.query(`DROP TRIGGER participant_meeting_time ON meeting_participant`);
    await queryRunner.query(`DROP FUNCTION participant_meeting_time()`);
    await queryRunner.query(
      `ALTER TABLE "meeting_participant" DROP COLUMN "meeting_end_at", DROP COLUMN "meeting_start_at", DROP COLUMN "meeting_status"`,
    );
  }
}
