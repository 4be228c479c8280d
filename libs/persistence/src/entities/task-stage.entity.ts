import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A stage of a task as last projected from its workflow. */
@Entity('task_stage')
export class TaskStageEntity {
  @PrimaryColumn({ name: 'task_id', type: 'varchar', length: 128 })
  taskId: string;

  @PrimaryColumn({ type: 'varchar', length: 48 })
  key: string;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  status: string;

  @Column({ name: 'owner_unit', type: 'varchar', length: 64 })
  ownerUnit: string;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
