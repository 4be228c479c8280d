import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A numbered goal of the plan (主要目标) or one measurable indicator inside it. */
@Entity('indicator')
@Index(['planId', 'targetCode', 'seq'], { unique: true })
export class IndicatorEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 64 })
  planId: string;

  /** Number of the target in the plan ("1" … "10"). */
  @Column({ name: 'target_code', type: 'varchar', length: 16 })
  targetCode: string;

  /** Position inside the target; 0 for a qualitative target. */
  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'text' })
  name: string;

  /** null for a qualitative target. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  comparator: string | null;

  @Column({ type: 'numeric', nullable: true })
  value: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  unit: string | null;

  @Column({ type: 'boolean', default: false })
  aspirational: boolean;

  @Column({ type: 'boolean', default: false })
  qualitative: boolean;

  @Column({ name: 'owner_unit', type: 'varchar', length: 64, nullable: true })
  ownerUnit: string | null;

  @Column({ type: 'text' })
  raw: string;

  /** monthly / quarterly / annual; null → monthly. */
  @Column({ name: 'reporting_period', type: 'varchar', length: 16, nullable: true })
  reportingPeriod: string | null;

  /** Year-to-date method; null → inferred from name and unit. */
  @Column({ name: 'ytd_method', type: 'varchar', length: 32, nullable: true })
  ytdMethod: string | null;

  /** Warning margin for this indicator; null → KPI_WARNING_MARGIN. */
  @Column({ name: 'warning_margin', type: 'numeric', nullable: true })
  warningMargin: string | null;

  /** A supervisor's judgement of a qualitative target. */
  @Column({ name: 'qualitative_status', type: 'varchar', length: 16, nullable: true })
  qualitativeStatus: string | null;

  @Column({ name: 'qualitative_note', type: 'text', nullable: true })
  qualitativeNote: string | null;

  @Column({ name: 'qualitative_by', type: 'varchar', length: 64, nullable: true })
  qualitativeBy: string | null;

  @Column({ name: 'qualitative_at', type: 'timestamptz', nullable: true })
  qualitativeAt: Date | null;
}
