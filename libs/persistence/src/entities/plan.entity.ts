import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An imported work plan (工作要点). The parsed tree is kept whole for diffs against revisions. */
@Entity('plan')
export class PlanEntity {
  /** Slug chosen at import, e.g. "xinjian-2021"; prefix of every workflow id of the plan. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 256 })
  title: string;

  @Column({ type: 'varchar', length: 128, nullable: true })
  issuer: string | null;

  @Column({ name: 'issued_on', type: 'date', nullable: true })
  issuedOn: string | null;

  @Column({ type: 'int' })
  year: number;

  /** sha256 of the canonical plan tree: re-importing the same content is a no-op. */
  @Column({ name: 'content_hash', type: 'char', length: 64 })
  contentHash: string;

  /** How many revisions have been applied. */
  @Column({ type: 'int', default: 1 })
  revision: number;

  @Column({ type: 'jsonb' })
  tree: unknown;

  /** workplan, or the source of a batch of registered items (领导批示, 会议议定, …). */
  @Column({ name: 'source_kind', type: 'varchar', length: 16, default: 'workplan' })
  sourceKind: string;

  @Column({ name: 'imported_by', type: 'varchar', length: 64, nullable: true })
  importedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
