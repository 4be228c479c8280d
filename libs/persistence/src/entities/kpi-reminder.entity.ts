import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A reminder (催办) or escalation (督办) sent for a missing reading, written by the indicator workflow. */
@Entity('kpi_reminder')
export class KpiReminderEntity {
  @PrimaryColumn({ name: 'indicator_id', type: 'uuid' })
  indicatorId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  period: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  kind: string;

  @PrimaryColumn({ type: 'int' })
  level: number;

  @Column({ type: 'timestamptz' })
  at: Date;
}
