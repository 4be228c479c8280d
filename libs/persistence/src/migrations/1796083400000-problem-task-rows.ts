import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A problem of a rectification ledger (整改台账) has a task row of its own, code
 * `<task>/problem/<id>` (id up to 40 characters): codes grow from 32 to 96 characters. The search
 * text is generated from the code, so it is dropped and generated again around the change.
 */
export class ProblemTaskRows1796083400000 implements MigrationInterface {
  name = 'ProblemTaskRows1796083400000';

  async up(q: QueryRunner): Promise<void> {
    await this.withoutSearchText(q, async () => {
      await q.query(`ALTER TABLE "task" ALTER COLUMN "code" TYPE character varying(96)`);
      await q.query(`ALTER TABLE "task" ALTER COLUMN "parent_code" TYPE character varying(96)`);
    });
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "task" WHERE length("code") > 32 OR length("parent_code") > 32`);
    await this.withoutSearchText(q, async () => {
      await q.query(`ALTER TABLE "task" ALTER COLUMN "code" TYPE character varying(32)`);
      await q.query(`ALTER TABLE "task" ALTER COLUMN "parent_code" TYPE character varying(32)`);
    });
  }

  private async withoutSearchText(q: QueryRunner, change: () => Promise<void>): Promise<void> {
    await q.query(`DROP INDEX "IDX_task_search_trgm"`);
    await q.query(`ALTER TABLE "task" DROP COLUMN "search_text"`);
    await change();
    await q.query(
      `ALTER TABLE "task" ADD "search_text" text GENERATED ALWAYS AS (lower("code" || ' ' || "title" || ' ' || "body")) STORED`,
    );
    await q.query(`CREATE INDEX "IDX_task_search_trgm" ON "task" USING GIN ("search_text" gin_trgm_ops)`);
  }
}
