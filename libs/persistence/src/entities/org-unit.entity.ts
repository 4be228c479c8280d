import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A responsible section (股室), station or party body that tasks are assigned to. */
@Entity('org_unit')
export class OrgUnitEntity {
  /** Short stable code used in ids and tokens, e.g. "shuiqi". */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;

  /** Chinese name as plans write it, e.g. "水气股". */
  @Column({ type: 'varchar', length: 128, unique: true })
  name: string;

  /** Other spellings found in documents (e.g. "水气科"). */
  @Column({ type: 'text', array: true, default: '{}' })
  aliases: string[];

  /** 'section' (股室), 'station' (监测站), 'branch' (执法分局), 'party' (局党组), 'office' (办公室). */
  @Column({ type: 'varchar', length: 32 })
  kind: string;

  /** The body the unit belongs to, e.g. "新建生态环境局". */
  @Column({ name: 'parent_body', type: 'varchar', length: 128, nullable: true })
  parentBody: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
