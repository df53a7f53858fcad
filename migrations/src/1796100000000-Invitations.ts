import PgBoss from 'pg-boss';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The job queue's own schema (created here by the owner, so the application role needs no CREATE right). */
const JOB_SCHEMA = 'pgboss';
/** Queues the API uses; each is a partition of pgboss.job, which only the table's owner may attach. */
const QUEUES = {
  'invitation-mail': { policy: 'standard', retryLimit: 8, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 },
  'meeting-reminder': { policy: 'standard', retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 300 },
};

/**
 * Invitations: a meeting's iCalendar SEQUENCE, the outbox that keeps mails when no SMTP server is set (demo),
 * and pg-boss's schema (version 10.4.2's construction plan) with the two queues mails and reminders use.
 */
export class Invitations1796100000000 implements MigrationInterface {
  name = 'Invitations1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting" ADD "sequence" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `CREATE TABLE "mail_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "recipient" text NOT NULL, "staff_id" uuid, "subject" text NOT NULL, "text" text NOT NULL, "ics" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_mail_outbox" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_mail_outbox_staff" ON "mail_outbox" ("staff_id", "created_at")`);
    await queryRunner.query(
      `ALTER TABLE "mail_outbox" ADD CONSTRAINT "FK_mail_outbox_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    const exists = (await queryRunner.query(`SELECT to_regnamespace($1) IS NOT NULL AS ok`, [JOB_SCHEMA])) as {
      ok: boolean;
    }[];
    if (!exists[0].ok) await queryRunner.query(PgBoss.getConstructionPlans(JOB_SCHEMA));
    for (const [name, options] of Object.entries(QUEUES)) {
      await queryRunner.query(`SELECT ${JOB_SCHEMA}.create_queue($1, $2)`, [name, JSON.stringify(options)]);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA IF EXISTS ${JOB_SCHEMA} CASCADE`);
    await queryRunner.query(`DROP TABLE "mail_outbox"`);
    await queryRunner.query(`ALTER TABLE "meeting" DROP COLUMN "sequence"`);
  }
}
