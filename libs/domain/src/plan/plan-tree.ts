import type { SourceKind } from '../items/source-kinds';
import type { TaskKind, TaskPolicy } from '../task/task-types';

/**
 * The plan tree: what a parsed work plan (工作要点) is, independent of the document format it came from.
 * Produced by libs/workplan, imported by the persistence layer, and the input to task workflows.
 */

/** Where in the source a piece came from, so warnings and errors can point at it. */
export interface SourceRef {
  /** 1-based line number in the normalised text of the document. */
  line: number;
  /** Where in a spreadsheet or table the item was read: "整改清单 第 3 行", "表 2 第 5 行". */
  cell?: string;
}

export type Comparator = 'lte' | 'gte' | 'eq' | 'lt' | 'gt';

export interface Indicator {
  /** e.g. "细颗粒物(PM2.5)年均浓度" */
  name: string;
  comparator: Comparator;
  value: number;
  /** e.g. "微克/立方米", "%", "个", "起/万枚" */
  unit: string;
  /** 力争: a stretch goal rather than a binding one. */
  aspirational: boolean;
  /** The sentence (clause) it was read from. */
  raw: string;
}

export interface Target {
  /** The number printed in the plan: "1", "2", … */
  code: string;
  text: string;
  /** Empty when the target is qualitative (e.g. "达到'十四五'规划时序进度要求"). */
  indicators: Indicator[];
  qualitative: boolean;
  source: SourceRef;
}

/**
 * A responsible unit as written in the plan. `kind` says how it must be resolved:
 * - `unit`: a named section (股室) or body (局党组) to be matched against the org-unit table;
 * - `all-sections`: 各股室 / 各科室, every section;
 * - `related-sections`: 相关业务股室, sections to be named later.
 */
export interface UnitRef {
  name: string;
  kind: 'unit' | 'all-sections' | 'related-sections';
}

export interface Responsibility {
  lead: UnitRef;
  /**
   * Further units named as leading too ("A、B牵头"): the task's workflow has one lead unit (`lead`);
   * these take part as cooperating units, listed before the others.
   */
  coLeads?: UnitRef[];
  cooperating: UnitRef[];
  /** The bracket text exactly as found, e.g. "责任单位:水气股、监测站". */
  raw: string;
}

export type DeadlineKind = 'date' | 'recurring' | 'ongoing';

export interface Deadline {
  kind: DeadlineKind;
  /** ISO date (YYYY-MM-DD, Asia/Shanghai calendar day) for kind 'date'. */
  date?: string;
  /** For 'recurring': how often a report is due. */
  every?: 'month' | 'quarter' | 'half-year' | 'year';
  /** True when the plan wrote no deadline and the plan default (year end) was applied. */
  defaulted: boolean;
  /** The phrase it was read from; empty when defaulted. */
  raw: string;
}

export interface PlanSection {
  /** "1", "2", … in document order; the Chinese numeral is kept in `numeral`. */
  code: string;
  numeral: string;
  title: string;
  items: TaskItem[];
  source: SourceRef;
}

export interface TaskItem {
  /** Stable dotted code: section.item[.subitem], e.g. "3.1.2". */
  code: string;
  /** The lead phrase, up to the first full stop. */
  title: string;
  /** The whole body text, without the responsibility bracket. */
  body: string;
  /** Absent on a parent item whose children carry the units. */
  responsibility?: Responsibility;
  deadline: Deadline;
  /**
   * A staged deadline ("7月底前完成…，12月底前…"): every date in order; `deadline` is the last
   * (the task's own). Absent when the item states one deadline or none.
   */
  deadlines?: Deadline[];
  children: TaskItem[];
  source: SourceRef;
  /** The stage template a registrar chose (立项); without it the rules pick one from the text. */
  kind?: TaskKind;
  /** Reminders and escalation ladder a registrar set for this item; without it the default policy. */
  policy?: ItemPolicy;
  /** The code of the unit a registrar named to verify the completion (核实单位), beside the office. */
  verifyingUnit?: string;
}

/** The part of a task's policy one item may set: when it is reminded, when it climbs the ladder. */
export type ItemPolicy = Partial<Pick<TaskPolicy, 'reminderOffsets' | 'ladder' | 'receiptWorkdays'>>;

export interface PlanMetadata {
  title: string;
  issuer?: string;
  /** ISO date the document was issued, when the document says. */
  issuedOn?: string;
  year: number;
  /** 文号 as printed (蔡政办〔2023〕1号), when the document gives one. */
  docNumber?: string;
  /** Where its items come from; a plan document is `workplan` (the default). */
  sourceKind?: SourceKind;
}

export type WarningCode =
  | 'missing-closing-bracket'
  | 'no-responsible-unit'
  | 'unparsed-target'
  | 'unknown-line'
  | 'numbering-gap'
  | 'deadline-defaulted'
  | 'encoding-guessed'
  | 'year-assumed'
  | 'traditional-converted'
  | 'duplicate-code';

export interface ParseWarning {
  code: WarningCode;
  line: number;
  message: string;
}

export interface PlanTree {
  /** Version of the JSON plan format (libs/workplan/schema/plan.schema.json). */
  schemaVersion: 1;
  metadata: PlanMetadata;
  targets: Target[];
  sections: PlanSection[];
  warnings: ParseWarning[];
}
