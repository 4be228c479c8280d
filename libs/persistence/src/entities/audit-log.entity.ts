import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only audit log of what people asked the system and what it answered: sign-ins, account
 * and unit changes, plan imports, and every refused action (denied by authorization, rejected by
 * the workflow) with its payload. Queryable by supervisors and admins; a task's own timeline
 * (task_event) holds only what happened to the task.
 */
@Entity('audit_log')
@Index(['at'])
@Index(['subject', 'at'])
@Index(['actorUserId', 'at'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ name: 'actor_user_id', type: 'varchar', length: 64, nullable: true })
  actorUserId: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 32, nullable: true })
  actorRole: string | null;

  @Column({ name: 'actor_unit', type: 'varchar', length: 64, nullable: true })
  actorUnit: string | null;

  /** e.g. login, login-failed, user-update, plan-import, submit (refused) */
  @Column({ type: 'varchar', length: 48 })
  action: string;

  /** ok | failed (bad credentials) | denied (authorization, throttling) | rejected (workflow validator) */
  @Column({ type: 'varchar', length: 16 })
  outcome: string;

  /** What the entry is about: a task id, a plan id, a user id; null for sign-ins. */
  @Column({ type: 'varchar', length: 128, nullable: true })
  subject: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after: unknown;

  @Column({ type: 'text', nullable: true })
  detail: string | null;
}
