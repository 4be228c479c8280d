import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A task's timeline: every accepted action and every system event (reminder, escalation, stage
 * opened…) with actor and time, written by the projection only (keyed by task and sequence, so a
 * retried projection never appends twice). Append-only. Refused actions are in audit_log.
 */
@Entity('task_event')
@Index(['taskId', 'at'])
@Index(['dedupKey'], { unique: true, where: 'dedup_key IS NOT NULL' })
export class TaskEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'task_id', type: 'varchar', length: 128, nullable: true })
  taskId: string | null;

  @Column({ name: 'plan_id', type: 'varchar', length: 64, nullable: true })
  planId: string | null;

  @Column({ name: 'actor_user_id', type: 'varchar', length: 64, nullable: true })
  actorUserId: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 32, nullable: true })
  actorRole: string | null;

  @Column({ name: 'actor_unit', type: 'varchar', length: 64, nullable: true })
  actorUnit: string | null;

  /** e.g. submit, approve, reminder, escalation, import, login */
  @Column({ type: 'varchar', length: 48 })
  action: string;

  /** ok | denied (authorization) | rejected (workflow validator) | failed */
  @Column({ type: 'varchar', length: 16 })
  outcome: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId: string | null;

  /** Makes system events written by retried activities idempotent. */
  @Column({ name: 'dedup_key', type: 'varchar', length: 256, nullable: true })
  dedupKey: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after: unknown;

  @Column({ type: 'text', nullable: true })
  detail: string | null;
}
