import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A reported value of an indicator for one period (e.g. "2021-09"). */
@Entity('kpi_reading')
@Index(['indicatorId', 'period'], { unique: true })
export class KpiReadingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'indicator_id', type: 'uuid' })
  indicatorId: string;

  @Column({ type: 'varchar', length: 16 })
  period: string;

  @Column({ type: 'numeric' })
  value: string;

  @Column({ name: 'entered_by', type: 'uuid', nullable: true })
  enteredBy: string | null;

  @Column({ name: 'entered_at', type: 'timestamptz', default: () => 'now()' })
  enteredAt: Date;

  /** 优良天数比例: good days and valid monitoring days of the period. */
  @Column({ name: 'good_days', type: 'int', nullable: true })
  goodDays: number | null;

  @Column({ name: 'valid_days', type: 'int', nullable: true })
  validDays: number | null;
}
