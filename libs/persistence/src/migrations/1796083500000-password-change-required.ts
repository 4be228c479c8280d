import { MigrationInterface, QueryRunner } from 'typeorm';

/** An account an admin made (or whose password an admin reset) must set its own password first. */
export class PasswordChangeRequired1796083500000 implements MigrationInterface {
  name = 'PasswordChangeRequired1796083500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" ADD "must_change_password" boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "must_change_password"`);
  }
}
