import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: the workday calendar as data. calendar_year holds each year's days off and 调休
 * make-up workdays with its status; the data package's years are seeded at start (CalendarStore),
 * so a newer package adds its years without a migration.
 */
export class CalendarYears1796083300000 implements MigrationInterface {
  name = 'CalendarYears1796083300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE "calendar_revision_seq"`);
    await q.query(
      `CREATE TABLE "calendar_year" ("year" integer NOT NULL, "status" character varying(16) NOT NULL,
         "holidays" text array NOT NULL DEFAULT '{}', "makeup_workdays" text array NOT NULL DEFAULT '{}',
         "doc_number" character varying(64), "issued_on" date, "note" text,
         "revision" bigint NOT NULL DEFAULT nextval('calendar_revision_seq'),
         "updated_by" character varying(64), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "PK_calendar_year" PRIMARY KEY ("year"),
         CONSTRAINT "CHK_calendar_year_status" CHECK (status IN ('official', 'provisional')))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "calendar_year"`);
    await q.query(`DROP SEQUENCE "calendar_revision_seq"`);
  }
}
