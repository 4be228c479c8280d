import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A weekly supervision bulletin (督办通报): one per plan and ISO week ("2021-W41"). */
@Entity('bulletin')
@Index('UQ_bulletin_plan_week', ['planId', 'week'], { unique: true })
export class BulletinEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 64 })
  planId: string;

  @Column({ type: 'varchar', length: 10 })
  week: string;

  @Column({ name: 'week_start', type: 'date' })
  weekStart: string;

  @Column({ name: 'generated_at', type: 'timestamptz' })
  generatedAt: Date;

  /** The BulletinContent as generated (libs/domain/src/bulletin). */
  @Column({ type: 'jsonb' })
  content: unknown;
}
