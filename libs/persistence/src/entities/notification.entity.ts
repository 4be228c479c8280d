import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** In-app inbox entry: one row per notification and recipient. */
@Entity('notification')
@Index(['dedupKey', 'recipientKey'], { unique: true })
@Index(['recipientUnit', 'recipientRole', 'readAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'dedup_key', type: 'varchar', length: 256 })
  dedupKey: string;

  /** user id when addressed to a person, otherwise "<unit>:<role>". */
  @Column({ name: 'recipient_key', type: 'varchar', length: 128 })
  recipientKey: string;

  @Column({ name: 'recipient_user_id', type: 'varchar', length: 64, nullable: true })
  recipientUserId: string | null;

  @Column({ name: 'recipient_unit', type: 'varchar', length: 64 })
  recipientUnit: string;

  @Column({ name: 'recipient_role', type: 'varchar', length: 32 })
  recipientRole: string;

  /** reminder | escalation | action | bulletin */
  @Column({ type: 'varchar', length: 16 })
  kind: string;

  @Column({ type: 'int', nullable: true })
  level: number | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'task_id', type: 'varchar', length: 128, nullable: true })
  taskId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
