import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13 (nothing a user sends can wedge a task):
 * - task: the projection-failure marker (投影失败) a refused projection leaves;
 * - audit_log: refused actions and account events move out of the tasks' timelines (task_event
 *   keeps what happened to tasks, written by the projection only);
 * - login_attempt: login throttling counted atomically per username+IP and per IP;
 * - idempotency_record.request_hash: a key reused with another body is refused (422);
 * - app_user.tokens_valid_after: tokens issued before a deactivation stay dead after reactivation.
 */
export class Hardening1796083200000 implements MigrationInterface {
  name = 'Hardening1796083200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "task" ADD "projection_error" text, ADD "projection_error_at" TIMESTAMP WITH TIME ZONE,
         ADD "projection_failed_version" integer`,
    );
    await q.query(
      `CREATE INDEX "IDX_task_projection_error" ON "task" ("projection_error_at") WHERE projection_error IS NOT NULL`,
    );
    await q.query(
      `CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         "actor_user_id" character varying(64), "actor_role" character varying(32), "actor_unit" character varying(64),
         "action" character varying(48) NOT NULL, "outcome" character varying(16) NOT NULL,
         "subject" character varying(128), "request_id" character varying(128), "before" jsonb, "after" jsonb,
         "detail" text, CONSTRAINT "PK_audit_log" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_audit_log_at" ON "audit_log" ("at")`);
    await q.query(`CREATE INDEX "IDX_audit_log_subject" ON "audit_log" ("subject", "at")`);
    await q.query(`CREATE INDEX "IDX_audit_log_actor" ON "audit_log" ("actor_user_id", "at")`);
    // Refusals and account events written so far: out of the timelines, into the audit log.
    await q.query(
      `INSERT INTO audit_log (at, actor_user_id, actor_role, actor_unit, action, outcome, subject, request_id, before, after, detail)
       SELECT at, actor_user_id, actor_role, actor_unit, action, outcome, task_id, request_id, before, after, detail
         FROM task_event WHERE task_id IS NULL OR outcome <> 'ok' ORDER BY id`,
    );
    await q.query(`DELETE FROM task_event WHERE task_id IS NULL OR outcome <> 'ok'`);
    await q.query(
      `CREATE TABLE "login_attempt" ("id" BIGSERIAL NOT NULL, "username" character varying(64) NOT NULL,
         "ip" character varying(64) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         "outcome" character varying(16) NOT NULL, CONSTRAINT "PK_login_attempt" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_login_attempt_user_ip" ON "login_attempt" ("username", "ip", "at")`);
    await q.query(`CREATE INDEX "IDX_login_attempt_ip" ON "login_attempt" ("ip", "at")`);
    await q.query(`ALTER TABLE "idempotency_record" ADD "request_hash" character(64)`);
    await q.query(`ALTER TABLE "app_user" ADD "tokens_valid_after" TIMESTAMP WITH TIME ZONE`);
    await q.query(`CREATE INDEX "IDX_task_event_task_id_id" ON "task_event" ("task_id", "id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_task_event_task_id_id"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "tokens_valid_after"`);
    await q.query(`ALTER TABLE "idempotency_record" DROP COLUMN "request_hash"`);
    await q.query(`DROP TABLE "login_attempt"`);
    await q.query(`DROP TABLE "audit_log"`);
    await q.query(`DROP INDEX "IDX_task_projection_error"`);
    await q.query(
      `ALTER TABLE "task" DROP COLUMN "projection_failed_version", DROP COLUMN "projection_error_at", DROP COLUMN "projection_error"`,
    );
  }
}
