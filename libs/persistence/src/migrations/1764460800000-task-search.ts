import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chinese text search on the ledger: a stored lower-cased search text, matched with LIKE (several
 * times cheaper than ILIKE on CJK text) and indexed with pg_trgm for selective terms. pg_trgm is a
 * trusted extension (PostgreSQL 13+): a database owner may create it.
 */
export class TaskSearch1764460800000 implements MigrationInterface {
  name = 'TaskSearch1764460800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(
      `ALTER TABLE "task" ADD "search_text" text GENERATED ALWAYS AS (lower("code" || ' ' || "title" || ' ' || "body")) STORED`,
    );
    await q.query(`CREATE INDEX "IDX_task_search_trgm" ON "task" USING GIN ("search_text" gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_task_search_trgm"`);
    await q.query(`ALTER TABLE "task" DROP COLUMN "search_text"`);
  }
}
