import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Caseload: target groups with the social workers' union's recommended ranges (DS, sagsloft) and a default
 * ceiling each (the range's middle, rounded down; IPS per the IPS fidelity scale), a team's target group and
 * default ceiling, default case weights per benefit, cases waiting in the intake queue (no responsible person
 * yet) and the assignment history every caseload figure is computed from.
 */
export class Caseload1796400000000 implements MigrationInterface {
  name = 'Caseload1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "caseload_target_group" ("id" text NOT NULL, "name" text NOT NULL, "range_min" numeric(6,2) NOT NULL, "range_max" numeric(6,2) NOT NULL, "default_ceiling" numeric(6,2) NOT NULL, CONSTRAINT "PK_caseload_target_group" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "caseload_target_group" ("id", "name", "range_min", "range_max", "default_ceiling") VALUES
        ('activity_ready', 'Aktivitetsparate og ressourceforløb', 25, 40, 32),
        ('job_ready', 'Jobparate', 35, 55, 45),
        ('sickness_benefit', 'Sygedagpenge', 25, 45, 35),
        ('ips', 'IPS-jobkonsulenter', 20, 20, 20)`,
    );
    await queryRunner.query(`ALTER TABLE "team" ADD "target_group_id" text`);
    await queryRunner.query(`ALTER TABLE "team" ADD "caseload_ceiling" numeric(6,2)`);
    await queryRunner.query(
      `ALTER TABLE "team" ADD CONSTRAINT "FK_team_target_group" FOREIGN KEY ("target_group_id") REFERENCES "caseload_target_group"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "benefit_weight" ("benefit" text NOT NULL, "weight" numeric(4,2) NOT NULL, CONSTRAINT "PK_benefit_weight" PRIMARY KEY ("benefit"))`,
    );
    await queryRunner.query(`ALTER TABLE "case" ALTER COLUMN "responsible_id" DROP NOT NULL`);
    await queryRunner.query(
      `CREATE TABLE "case_assignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "citizen_id" uuid NOT NULL, "team_id" uuid NOT NULL, "from_staff_id" uuid, "to_staff_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "by_staff_id" uuid, "reason" text, "weight" numeric(4,2) NOT NULL, CONSTRAINT "PK_case_assignment" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_case_assignment_case" ON "case_assignment" ("case_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_case_assignment_team" ON "case_assignment" ("team_id") `);
    for (const [column, table, onDelete] of [
      ['case', 'case', 'CASCADE'],
      ['citizen', 'citizen', 'CASCADE'],
      ['team', 'team', 'RESTRICT'],
      ['from_staff', 'staff', 'RESTRICT'],
      ['to_staff', 'staff', 'RESTRICT'],
      ['by_staff', 'staff', 'RESTRICT'],
    ]) {
      await queryRunner.query(
        `ALTER TABLE "case_assignment" ADD CONSTRAINT "FK_case_assignment_${column}" FOREIGN KEY ("${column}_id") REFERENCES "${table}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`,
      );
    }
    // Every case so far got its responsible person when it was opened.
    await queryRunner.query(
      `INSERT INTO "case_assignment" ("case_id", "citizen_id", "team_id", "from_staff_id", "to_staff_id", "at", "weight")
       SELECT id, citizen_id, team_id, NULL, responsible_id, opened_at, weight FROM "case"`,
    );
    await queryRunner.query(
      `INSERT INTO "case_assignment" ("case_id", "citizen_id", "team_id", "from_staff_id", "to_staff_id", "at", "weight")
       SELECT id, citizen_id, team_id, responsible_id, NULL, closed_at, weight FROM "case" WHERE status = 'closed' AND closed_at IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "case_assignment"`);
    await queryRunner.query(`ALTER TABLE "case" ALTER COLUMN "responsible_id" SET NOT NULL`);
    await queryRunner.query(`DROP TABLE "benefit_weight"`);
    await queryRunner.query(`ALTER TABLE "team" DROP CONSTRAINT "FK_team_target_group"`);
    await queryRunner.query(`ALTER TABLE "team" DROP COLUMN "caseload_ceiling"`);
    await queryRunner.query(`ALTER TABLE "team" DROP COLUMN "target_group_id"`);
    await queryRunner.query(`DROP TABLE "caseload_target_group"`);
  }
}
