import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795624780682 implements MigrationInterface {
  name = 'InitialSchema1795624780682';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_entry" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_kind" text NOT NULL, "actor_id" uuid, "actor_name" text NOT NULL, "citizen_id" uuid, "action" text NOT NULL, "entity" text, "entity_id" uuid, "purpose" text, "details" jsonb, CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_audit_citizen_at" ON "audit_entry"  ("citizen_id", "at") `);
    await queryRunner.query(
      `CREATE TABLE "team" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality" text NOT NULL, "name" text NOT NULL, CONSTRAINT "PK_f57d8293406df4af348402e4b74" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "staff" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "name" text NOT NULL, "password_hash" text NOT NULL, "roles" text array NOT NULL, "discipline" text NOT NULL, "caseload_ceiling" numeric(6,2), "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e4ee98bb552756c180aec1e854a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_staff_email" ON "staff"  ("email") `);
    await queryRunner.query(
      `CREATE TABLE "session" ("id" text NOT NULL, "staff_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f55da76ac1c3ac420f444d2ff11" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_session_staff" ON "session"  ("staff_id") `);
    await queryRunner.query(
      `CREATE TABLE "citizen" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cpr_encrypted" bytea NOT NULL, "cpr_hash" bytea NOT NULL, "cpr_birth" character(6) NOT NULL, "name" text NOT NULL, "email" text, "phone" text, "benefit" text NOT NULL, "benefit_start" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0e19d9fdbdd0d185ce72fe62a04" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_citizen_cpr_hash" ON "citizen"  ("cpr_hash") `);
    await queryRunner.query(
      `CREATE TABLE "case" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "citizen_id" uuid NOT NULL, "team_id" uuid NOT NULL, "responsible_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'active', "weight" numeric(4,2) NOT NULL DEFAULT '1', "close_reason" text, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a1b20a2aef6fc438389d2c4aca0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_case_team" ON "case"  ("team_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_case_responsible" ON "case"  ("responsible_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_case_active_citizen" ON "case"  ("citizen_id") WHERE "status" = 'active'`,
    );
    await queryRunner.query(
      `CREATE TABLE "meeting_proposal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "start_at" TIMESTAMP WITH TIME ZONE NOT NULL, "end_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_ed9228a1dda90932859b431ae04" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_meeting_proposal_meeting" ON "meeting_proposal"  ("meeting_id") `);
    await queryRunner.query(
      `CREATE TABLE "meeting" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "title" text NOT NULL, "status" text NOT NULL, "start_at" TIMESTAMP WITH TIME ZONE, "end_at" TIMESTAMP WITH TIME ZONE, "location" text, "video_url" text, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dccaf9e4c0e39067d82ccc7bb83" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_meeting_case" ON "meeting"  ("case_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_meeting_time" ON "meeting"  ("start_at", "end_at") `);
    await queryRunner.query(
      `CREATE TABLE "meeting_participant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "kind" text NOT NULL, "staff_id" uuid, "name" text NOT NULL, "email" text, "phone" text, "clinic" text, "role" text, "response" text NOT NULL DEFAULT 'pending', CONSTRAINT "PK_076322be51eef11585f17a45c66" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_meeting_participant_meeting" ON "meeting_participant"  ("meeting_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_meeting_participant_staff" ON "meeting_participant"  ("staff_id") `);
    await queryRunner.query(
      `CREATE TABLE "team_member" ("staff_id" uuid NOT NULL, "team_id" uuid NOT NULL, CONSTRAINT "PK_7706571403f246cc77ef5bc0916" PRIMARY KEY ("staff_id", "team_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3e9e1056560ac4045bc4d89eb6" ON "team_member"  ("staff_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a1b5b4f5fa1b7f890d0a278748" ON "team_member"  ("team_id") `);
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "FK_3fc7f914ebdcf2bd398d68f8d96" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case" ADD CONSTRAINT "FK_55fac28df3de7f242682435a4ca" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case" ADD CONSTRAINT "FK_a2245725360f7d127d2cc802890" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case" ADD CONSTRAINT "FK_683980edb573081582589900eec" FOREIGN KEY ("responsible_id") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_proposal" ADD CONSTRAINT "FK_0a3a18f084a537bc1e2b11774b6" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting" ADD CONSTRAINT "FK_907b6149727e31c360879976309" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_participant" ADD CONSTRAINT "FK_edff9f9b6ac4c6d5a813f008885" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_participant" ADD CONSTRAINT "FK_093785fa9d4f0627374c08fdc2b" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "team_member" ADD CONSTRAINT "FK_3e9e1056560ac4045bc4d89eb6a" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "team_member" ADD CONSTRAINT "FK_a1b5b4f5fa1b7f890d0a278748b" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "team_member" DROP CONSTRAINT "FK_a1b5b4f5fa1b7f890d0a278748b"`);
    await queryRunner.query(`ALTER TABLE "team_member" DROP CONSTRAINT "FK_3e9e1056560ac4045bc4d89eb6a"`);
    await queryRunner.query(`ALTER TABLE "meeting_participant" DROP CONSTRAINT "FK_093785fa9d4f0627374c08fdc2b"`);
    await queryRunner.query(`ALTER TABLE "meeting_participant" DROP CONSTRAINT "FK_edff9f9b6ac4c6d5a813f008885"`);
    await queryRunner.query(`ALTER TABLE "meeting" DROP CONSTRAINT "FK_907b6149727e31c360879976309"`);
    await queryRunner.query(`ALTER TABLE "meeting_proposal" DROP CONSTRAINT "FK_0a3a18f084a537bc1e2b11774b6"`);
    await queryRunner.query(`ALTER TABLE "case" DROP CONSTRAINT "FK_683980edb573081582589900eec"`);
    await queryRunner.query(`ALTER TABLE "case" DROP CONSTRAINT "FK_a2245725360f7d127d2cc802890"`);
    await queryRunner.query(`ALTER TABLE "case" DROP CONSTRAINT "FK_55fac28df3de7f242682435a4ca"`);
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "FK_3fc7f914ebdcf2bd398d68f8d96"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a1b5b4f5fa1b7f890d0a278748"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3e9e1056560ac4045bc4d89eb6"`);
    await queryRunner.query(`DROP TABLE "team_member"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_meeting_participant_staff"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_meeting_participant_meeting"`);
    await queryRunner.query(`DROP TABLE "meeting_participant"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_meeting_time"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_meeting_case"`);
    await queryRunner.query(`DROP TABLE "meeting"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_meeting_proposal_meeting"`);
    await queryRunner.query(`DROP TABLE "meeting_proposal"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_case_active_citizen"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_case_responsible"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_case_team"`);
    await queryRunner.query(`DROP TABLE "case"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_citizen_cpr_hash"`);
    await queryRunner.query(`DROP TABLE "citizen"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_session_staff"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_staff_email"`);
    await queryRunner.query(`DROP TABLE "staff"`);
    await queryRunner.query(`DROP TABLE "team"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_citizen_at"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
  }
}
