import { MigrationInterface, QueryRunner } from 'typeorm';

/** A person's mobile number: the staff sheets a bureau keeps have one, and SMS reminders need it. */
export class UserMobile1796083600000 implements MigrationInterface {
  name = 'UserMobile1796083600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" ADD "mobile" varchar(32)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "mobile"`);
  }
}
