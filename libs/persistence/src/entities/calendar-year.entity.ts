import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One year of the workday calendar as the bureau keeps it: official (entered from the State
 * Council notice, or seeded from the data package) or provisional. A year without a row is
 * computed provisionally from the law. `revision` comes from one sequence: the calendar's revision
 * is the largest, so every process can tell whether its cached calendar is current.
 */
@Entity('calendar_year')
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'int' })
  year: number;

  /** official | provisional */
  @Column({ type: 'varchar', length: 16 })
  status: string;

  /** Days off, 'YYYY-MM-DD', sorted. */
  @Column({ type: 'text', array: true, default: '{}' })
  holidays: string[];

  /** 调休 make-up workdays (weekend days that are workdays), sorted. */
  @Column({ name: 'makeup_workdays', type: 'text', array: true, default: '{}' })
  makeupWorkdays: string[];

  /** 文号 of the notice, e.g. 国办发明电〔2025〕7号. */
  @Column({ name: 'doc_number', type: 'varchar', length: 64, nullable: true })
  docNumber: string | null;

  @Column({ name: 'issued_on', type: 'date', nullable: true })
  issuedOn: string | null;

  /** Where the data came from when no notice was entered (the data package and its version). */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'bigint' })
  revision: string;

  @Column({ name: 'updated_by', type: 'varchar', length: 64, nullable: true })
  updatedBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
