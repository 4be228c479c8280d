import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One rung of the 督办 ladder reached by an overdue stage; open until the stage is done. */
@Entity('escalation')
@Index(['taskId', 'stageKey', 'level'], { unique: true })
@Index(['resolvedAt', 'level'])
export class EscalationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'task_id', type: 'varchar', length: 128 })
  taskId: string;

  @Column({ name: 'stage_key', type: 'varchar', length: 48 })
  stageKey: string;

  @Column({ type: 'int' })
  level: number;

  /** unit-head | deputy-director | supervisor */
  @Column({ name: 'to_role', type: 'varchar', length: 32 })
  toRole: string;

  @Column({ name: 'unit_code', type: 'varchar', length: 64 })
  unitCode: string;

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}
