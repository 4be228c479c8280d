import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 序时进度 on the task row: the share of the work expected by now and the share done (whole
 * percentages), as of the workflow's last projection, so the ledger and its export show the gap.
 */
export class TaskProgress1796083900000 implements MigrationInterface {
  name = 'TaskProgress1796083900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "task" ADD "expected_progress" smallint`);
    await q.query(`ALTER TABLE "task" ADD "actual_progress" smallint`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "task" DROP COLUMN "actual_progress"`);
    await q.query(`ALTER TABLE "task" DROP COLUMN "expected_progress"`);
  }
}
