import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The unit named on an item to verify its completion (核实单位) beside the supervision office:
 * it sees the task, so the ledger's unit scope reads it from the task row.
 */
export class VerifyingUnit1796083800000 implements MigrationInterface {
  name = 'VerifyingUnit1796083800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "task" ADD "verifying_unit" varchar(64)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "task" DROP COLUMN "verifying_unit"`);
  }
}
