import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger's default order (plan order of leaf tasks) as an index. A broad text search ("污染")
 * can then walk the ledger in order and stop after one page of matches, instead of testing and
 * sorting every task; PostgreSQL picks it when the statistics say the term is common.
 */
export class LedgerOrderIndex1764806400000 implements MigrationInterface {
  name = 'LedgerOrderIndex1764806400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_task_leaf_ordinal" ON "task" ("ordinal", "id") WHERE "is_leaf"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_task_leaf_ordinal"`);
  }
}
