import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One item of a plan's task tree. Leaves are tracked by a workflow; their lifecycle columns are a
 * projection of the workflow state, written only by activities (guarded by projected_version).
 */
@Entity('task')
@Index(['planId', 'code'], { unique: true })
@Index(['leadUnit', 'trafficLight'])
@Index(['status', 'nextDueAt'])
export class TaskEntity {
  /** Equal to the workflow id: "<planId>/<code>". */
  @PrimaryColumn({ type: 'varchar', length: 128 })
  id: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 64 })
  planId: string;

  /** Dotted code, e.g. "3.1.2"; a rectification problem's is "<code>/problem/<id>". */
  @Column({ type: 'varchar', length: 96 })
  code: string;

  @Column({ name: 'parent_code', type: 'varchar', length: 96, nullable: true })
  parentCode: string | null;

  @Column({ name: 'section_code', type: 'varchar', length: 8 })
  sectionCode: string;

  /** Document order, for stable listing. */
  @Column({ type: 'int' })
  ordinal: number;

  @Column({ name: 'is_leaf', type: 'boolean' })
  isLeaf: boolean;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** annual | rectification | quantitative | recurring | ongoing */
  @Column({ type: 'varchar', length: 16, nullable: true })
  kind: string | null;

  /** Where the item comes from: workplan, instruction, meeting, higher, proposal, inspection, other. */
  @Column({ name: 'source_kind', type: 'varchar', length: 16, default: 'workplan' })
  sourceKind: string;

  @Column({ name: 'lead_unit', type: 'varchar', length: 64, nullable: true })
  leadUnit: string | null;

  @Column({ name: 'cooperating_units', type: 'text', array: true, default: '{}' })
  cooperatingUnits: string[];

  /** 序时进度: the share expected by now and the share done (whole %), when the task measures it. */
  @Column({ name: 'expected_progress', type: 'smallint', nullable: true })
  expectedProgress: number | null;

  @Column({ name: 'actual_progress', type: 'smallint', nullable: true })
  actualProgress: number | null;

  /** The unit that verifies the completion beside the office (核实单位), if the item names one. */
  @Column({ name: 'verifying_unit', type: 'varchar', length: 64, nullable: true })
  verifyingUnit: string | null;

  /** 相关业务股室 named in the plan but not yet resolved to units. */
  @Column({ name: 'related_sections_pending', type: 'boolean', default: false })
  relatedSectionsPending: boolean;

  @Column({ name: 'deadline_kind', type: 'varchar', length: 16, nullable: true })
  deadlineKind: string | null;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ name: 'deadline_defaulted', type: 'boolean', default: false })
  deadlineDefaulted: boolean;

  /** Workflow status; 'not-started' until the workflow first projects itself. */
  @Column({ type: 'varchar', length: 24, default: 'not-started' })
  status: string;

  @Column({ name: 'traffic_light', type: 'varchar', length: 8, default: 'none' })
  trafficLight: string;

  @Column({ name: 'current_stage_key', type: 'varchar', length: 48, nullable: true })
  currentStageKey: string | null;

  @Column({ name: 'current_stage_name', type: 'varchar', length: 64, nullable: true })
  currentStageName: string | null;

  @Column({ name: 'current_stage_status', type: 'varchar', length: 32, nullable: true })
  currentStageStatus: string | null;

  @Column({ name: 'next_due_at', type: 'timestamptz', nullable: true })
  nextDueAt: Date | null;

  @Column({ name: 'escalation_level', type: 'int', default: 0 })
  escalationLevel: number;

  /** Who must act next, as "<unit>:<role>" keys ("*:supervisor" for any supervisor): the inboxes. */
  @Column({ type: 'text', array: true, default: '{}' })
  awaiting: string[];

  /** Workflow state version last written; a projection with a lower or equal version is ignored. */
  @Column({ name: 'projected_version', type: 'int', default: 0 })
  projectedVersion: number;

  /** The full workflow snapshot at projected_version, for the detail view. */
  @Column({ type: 'jsonb', nullable: true })
  snapshot: unknown;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  /** Set when the database refused a projection of this task for good (投影失败); cleared by the next that lands. */
  @Column({ name: 'projection_error', type: 'text', nullable: true })
  projectionError: string | null;

  @Column({ name: 'projection_error_at', type: 'timestamptz', nullable: true })
  projectionErrorAt: Date | null;

  @Column({ name: 'projection_failed_version', type: 'int', nullable: true })
  projectionFailedVersion: number | null;
}
