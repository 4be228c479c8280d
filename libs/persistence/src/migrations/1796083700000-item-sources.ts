import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a plan's items come from (来源): the year's plan, or a batch of registered items
 * (领导批示, 会议议定, 上级交办, …). On the task too, so the ledger filters by it on one table.
 */
export class ItemSources1796083700000 implements MigrationInterface {
  name = 'ItemSources1796083700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "plan" ADD "source_kind" varchar(16) NOT NULL DEFAULT 'workplan'`);
    await q.query(`ALTER TABLE "task" ADD "source_kind" varchar(16) NOT NULL DEFAULT 'workplan'`);
    await q.query(`CREATE INDEX "IDX_task_source_kind" ON "task" ("source_kind")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_task_source_kind"`);
    await q.query(`ALTER TABLE "task" DROP COLUMN "source_kind"`);
    await q.query(`ALTER TABLE "plan" DROP COLUMN "source_kind"`);
  }
}
