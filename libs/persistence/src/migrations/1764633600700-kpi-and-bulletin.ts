import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * KPI targets and the weekly bulletin (issue 7): reporting settings and a supervisor's judgement on
 * indicators, good/valid days on readings (优良天数比例), the reminder state of missing readings,
 * and stored bulletins — one per plan and ISO week, so a second generation stores nothing new.
 */
export class KpiAndBulletin1764633600700 implements MigrationInterface {
  name = 'KpiAndBulletin1764633600700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "indicator" ADD "reporting_period" character varying(16), ADD "ytd_method" character varying(32), ADD "warning_margin" numeric, ADD "qualitative_status" character varying(16), ADD "qualitative_note" text, ADD "qualitative_by" character varying(64), ADD "qualitative_at" TIMESTAMP WITH TIME ZONE`,
    );
    await q.query(`ALTER TABLE "kpi_reading" ADD "good_days" integer, ADD "valid_days" integer`);
    await q.query(
      `CREATE TABLE "kpi_reminder" ("indicator_id" uuid NOT NULL, "period" character varying(16) NOT NULL, "kind" character varying(16) NOT NULL, "level" integer NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_kpi_reminder" PRIMARY KEY ("indicator_id", "period", "kind", "level"))`,
    );
    await q.query(
      `CREATE TABLE "bulletin" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" character varying(64) NOT NULL, "week" character varying(10) NOT NULL, "week_start" date NOT NULL, "generated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "content" jsonb NOT NULL, CONSTRAINT "PK_bulletin" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_bulletin_plan_week" ON "bulletin" ("plan_id", "week")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "bulletin"`);
    await q.query(`DROP TABLE "kpi_reminder"`);
    await q.query(`ALTER TABLE "kpi_reading" DROP COLUMN "valid_days", DROP COLUMN "good_days"`);
    await q.query(
      `ALTER TABLE "indicator" DROP COLUMN "qualitative_at", DROP COLUMN "qualitative_by", DROP COLUMN "qualitative_note", DROP COLUMN "qualitative_status", DROP COLUMN "warning_margin", DROP COLUMN "ytd_method", DROP COLUMN "reporting_period"`,
    );
  }
}
