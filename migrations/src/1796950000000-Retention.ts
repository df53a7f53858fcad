import type { MigrationInterface, QueryRunner } from 'typeorm';

const JOB_SCHEMA = 'pgboss';
/** Once a day at most; a run that fails is retried, and resumes where its committed batches ended. */
const QUEUE = 'citizen-retention';
const QUEUE_OPTIONS = { policy: 'standard', retryLimit: 5, retryDelay: 600, retryBackoff: true, expireInSeconds: 3600 };

/**
 * Retention: a citizen whose cases all closed long ago is anonymised. Their CPR is then gone, so the
 * CPR columns may be empty, but only on an anonymised citizen (`anonymised_at`); the job's queue is created here
 * by the owner of pg-boss's tables, as the Invitations migration created the others.
 */
export class Retention1796950000000 implements MigrationInterface {
  name = 'Retention1796950000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "citizen" ADD "anonymised_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "citizen" ALTER COLUMN "cpr_encrypted" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "citizen" ALTER COLUMN "cpr_hash" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "citizen" ALTER COLUMN "cpr_birth" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "citizen" ADD CONSTRAINT "CHK_citizen_cpr_until_anonymised" CHECK ("anonymised_at" IS NOT NULL OR ("cpr_encrypted" IS NOT NULL AND "cpr_hash" IS NOT NULL AND "cpr_birth" IS NOT NULL))`,
    );
    await queryRunner.query(`SELECT ${JOB_SCHEMA}.create_queue($1, $2)`, [QUEUE, JSON.stringify(QUEUE_OPTIONS)]);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT ${JOB_SCHEMA}.delete_queue($1)`, [QUEUE]);
    await queryRunner.query(`ALTER TABLE "citizen" DROP CONSTRAINT "CHK_citizen_cpr_until_anonymised"`);
    // Anonymised citizens have no CPR to restore: the columns can be required again only without them.
    await queryRunner.query(`ALTER TABLE "citizen" ALTER COLUMN "cpr_birth" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "citizen" ALTER COLUMN "cpr_hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "citizen" ALTER COLUMN "cpr_encrypted" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "citizen" DROP COLUMN "anonymised_at"`);
  }
}
