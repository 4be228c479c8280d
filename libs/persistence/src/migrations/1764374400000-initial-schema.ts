import { MigrationInterface, QueryRunner } from 'typeorm';

/** The read model: org units, users, plans, indicators, tasks and stages, audit log, inbox, escalations. */
export class InitialSchema1764374400000 implements MigrationInterface {
  name = 'InitialSchema1764374400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "escalation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" character varying(128) NOT NULL, "stage_key" character varying(48) NOT NULL, "level" integer NOT NULL, "to_role" character varying(32) NOT NULL, "unit_code" character varying(64) NOT NULL, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL, "resolved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_2c9a4d9277ed8620a8a72813864" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_704b57135c5c220a493b33e595" ON "escalation" ("resolved_at", "level")`);
    await q.query(
      `CREATE UNIQUE INDEX "IDX_2d241a4c43dc0c204529c84035" ON "escalation" ("task_id", "stage_key", "level")`,
    );
    await q.query(
      `CREATE TABLE "evidence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" character varying(128) NOT NULL, "stage_key" character varying(48), "file_name" character varying(255) NOT NULL, "mime_type" character varying(128) NOT NULL, "size_bytes" integer NOT NULL, "sha256" character(64) NOT NULL, "storage_path" text NOT NULL, "uploaded_by" uuid NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b864cb5d49854f89917fc0b44b9" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "idempotency_record" ("key" character varying(128) NOT NULL, "user_id" character varying(64) NOT NULL, "route" character varying(256) NOT NULL, "status_code" integer NOT NULL, "response" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ff6ff6e4a7c261b21e30f0280a7" PRIMARY KEY ("key", "user_id"))`,
    );
    await q.query(
      `CREATE TABLE "indicator" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" character varying(64) NOT NULL, "target_code" character varying(16) NOT NULL, "seq" integer NOT NULL, "name" text NOT NULL, "comparator" character varying(8), "value" numeric, "unit" character varying(32), "aspirational" boolean NOT NULL DEFAULT false, "qualitative" boolean NOT NULL DEFAULT false, "owner_unit" character varying(64), "raw" text NOT NULL, CONSTRAINT "PK_4693fe4c2cb912a71e05c589e7e" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "IDX_2d92f3710b383a2d85b6f3ab19" ON "indicator" ("plan_id", "target_code", "seq")`,
    );
    await q.query(
      `CREATE TABLE "kpi_reading" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "indicator_id" uuid NOT NULL, "period" character varying(16) NOT NULL, "value" numeric NOT NULL, "entered_by" uuid, "entered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_41a7776163ae3b67130238e74ef" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "IDX_fecd91ce5d9f4b921642470f13" ON "kpi_reading" ("indicator_id", "period")`);
    await q.query(
      `CREATE TABLE "notification_delivery" ("dedup_key" character varying(256) NOT NULL, "channel" character varying(16) NOT NULL, "status" character varying(16) NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a5e9dfa4aad419e1ba74f260998" PRIMARY KEY ("dedup_key", "channel"))`,
    );
    await q.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dedup_key" character varying(256) NOT NULL, "recipient_key" character varying(128) NOT NULL, "recipient_user_id" character varying(64), "recipient_unit" character varying(64) NOT NULL, "recipient_role" character varying(32) NOT NULL, "kind" character varying(16) NOT NULL, "level" integer, "title" text NOT NULL, "body" text NOT NULL, "task_id" character varying(128), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "IDX_f5fe048f0be9da78f5bdb7e756" ON "notification" ("recipient_unit", "recipient_role", "read_at")`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "IDX_a145e14743a4ec1041156fe180" ON "notification" ("dedup_key", "recipient_key")`,
    );
    await q.query(
      `CREATE TABLE "org_unit" ("code" character varying(64) NOT NULL, "name" character varying(128) NOT NULL, "aliases" text array NOT NULL DEFAULT '{}', "kind" character varying(32) NOT NULL, "parent_body" character varying(128), "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_f86a5fc71d7f37a488d8741165e" UNIQUE ("name"), CONSTRAINT "PK_b030ad27296e9df74659dcb8ec6" PRIMARY KEY ("code"))`,
    );
    await q.query(
      `CREATE TABLE "plan" ("id" character varying(64) NOT NULL, "title" character varying(256) NOT NULL, "issuer" character varying(128), "issued_on" date, "year" integer NOT NULL, "content_hash" character(64) NOT NULL, "revision" integer NOT NULL DEFAULT '1', "tree" jsonb NOT NULL, "imported_by" character varying(64), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_54a2b686aed3b637654bf7ddbb3" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "revoked_token" ("jti" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_51805a32c382d2841b953c16880" PRIMARY KEY ("jti"))`,
    );
    await q.query(
      `CREATE TABLE "task_event" ("id" BIGSERIAL NOT NULL, "task_id" character varying(128), "plan_id" character varying(64), "actor_user_id" character varying(64), "actor_role" character varying(32), "actor_unit" character varying(64), "action" character varying(48) NOT NULL, "outcome" character varying(16) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "request_id" character varying(128), "dedup_key" character varying(256), "before" jsonb, "after" jsonb, "detail" text, CONSTRAINT "PK_5512953f207de074aea7e6b1515" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "IDX_d776aadde18f42bcc58caea723" ON "task_event" ("dedup_key") WHERE dedup_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "IDX_eeb23d5e6c892de878fe6a04a9" ON "task_event" ("task_id", "at")`);
    await q.query(
      `CREATE TABLE "task_stage" ("task_id" character varying(128) NOT NULL, "key" character varying(48) NOT NULL, "seq" integer NOT NULL, "name" character varying(64) NOT NULL, "status" character varying(32) NOT NULL, "owner_unit" character varying(64) NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_500238ebcd4a760441db9c958af" PRIMARY KEY ("task_id", "key"))`,
    );
    await q.query(
      `CREATE TABLE "task" ("id" character varying(128) NOT NULL, "plan_id" character varying(64) NOT NULL, "code" character varying(32) NOT NULL, "parent_code" character varying(32), "section_code" character varying(8) NOT NULL, "ordinal" integer NOT NULL, "is_leaf" boolean NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "kind" character varying(16), "lead_unit" character varying(64), "cooperating_units" text array NOT NULL DEFAULT '{}', "related_sections_pending" boolean NOT NULL DEFAULT false, "deadline_kind" character varying(16), "due_date" date, "deadline_defaulted" boolean NOT NULL DEFAULT false, "status" character varying(24) NOT NULL DEFAULT 'not-started', "traffic_light" character varying(8) NOT NULL DEFAULT 'none', "current_stage_key" character varying(48), "current_stage_name" character varying(64), "current_stage_status" character varying(32), "next_due_at" TIMESTAMP WITH TIME ZONE, "escalation_level" integer NOT NULL DEFAULT '0', "awaiting" text array NOT NULL DEFAULT '{}', "projected_version" integer NOT NULL DEFAULT '0', "snapshot" jsonb, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fb213f79ee45060ba925ecd576e" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_fb01fcf87fbb04bdc0a43f253a" ON "task" ("status", "next_due_at")`);
    await q.query(`CREATE INDEX "IDX_a2f57083bd015da5d9c195a8f1" ON "task" ("lead_unit", "traffic_light")`);
    await q.query(`CREATE UNIQUE INDEX "IDX_789f95f26d67de0a7b99dd0161" ON "task" ("plan_id", "code")`);
    await q.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying(64) NOT NULL, "display_name" character varying(128) NOT NULL, "password_hash" character varying(255) NOT NULL, "role" character varying(32) NOT NULL, "unit_code" character varying(64), "deputy_units" text array NOT NULL DEFAULT '{}', "email" character varying(255), "active" boolean NOT NULL DEFAULT true, "demo" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_c480e576dd71729addbc2d51b67" UNIQUE ("username"), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    // Ledger queries: by plan in document order, by cooperating unit, by due instant.
    await q.query(`CREATE INDEX "IDX_task_plan_ordinal" ON "task" ("plan_id", "ordinal")`);
    await q.query(`CREATE INDEX "IDX_task_cooperating_units" ON "task" USING GIN ("cooperating_units")`);
    await q.query(`CREATE INDEX "IDX_task_next_due_at" ON "task" ("next_due_at")`);
    await q.query(`CREATE INDEX "IDX_task_awaiting" ON "task" USING GIN ("awaiting")`);
    await q.query(`CREATE INDEX "IDX_notification_user" ON "notification" ("recipient_user_id", "read_at")`);
    await q.query(`CREATE INDEX "IDX_escalation_task" ON "escalation" ("task_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "task_event"`);
    await q.query(`DROP TABLE "notification_delivery"`);
    await q.query(`DROP TABLE "notification"`);
    await q.query(`DROP TABLE "escalation"`);
    await q.query(`DROP TABLE "evidence"`);
    await q.query(`DROP TABLE "kpi_reading"`);
    await q.query(`DROP TABLE "indicator"`);
    await q.query(`DROP TABLE "task_stage"`);
    await q.query(`DROP TABLE "task"`);
    await q.query(`DROP TABLE "plan"`);
    await q.query(`DROP TABLE "idempotency_record"`);
    await q.query(`DROP TABLE "revoked_token"`);
    await q.query(`DROP TABLE "app_user"`);
    await q.query(`DROP TABLE "org_unit"`);
  }
}
