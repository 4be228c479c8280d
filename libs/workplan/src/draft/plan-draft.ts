import {
  Deadline,
  ParseWarning,
  PlanMetadata,
  PlanTree,
  Target,
  TaskItem,
  UnitRef,
} from '@duban/domain/plan/plan-tree';
import { isIsoDate } from '@duban/domain/calendar/shanghai-time';
import { walkItems } from '@duban/domain/plan/plan-walk';
import { splitUnits } from '../responsibility';

export type RecurringEvery = NonNullable<Deadline['every']>;

/** A row's deadline as the preview edits it: dates, a reporting period, standing, or none written. */
export type DraftDeadline =
  | { kind: 'date'; dates: string[] }
  | { kind: 'recurring'; every: RecurringEvery }
  | { kind: 'ongoing' }
  | { kind: 'default' };

/** One leaf task of the preview table. */
export interface DraftRow {
  /** Index into PlanDraft.sections. */
  section: number;
  /** The item a sub-item belongs to (its title): consecutive rows of one group stay one item. */
  group?: string;
  /** The code the parser gave it (shown; the import numbers rows afresh). */
  code: string;
  title: string;
  body: string;
  lead: string;
  cooperating: string[];
  deadline: DraftDeadline;
  source: { line: number; cell?: string };
  /** What the parser was unsure of on this row. */
  warnings: string[];
}

/**
 * A parsed plan as the import preview shows it and a person corrects it: its leaf tasks as rows,
 * each with its units and deadline, under the sections they belong to. The targets are kept as
 * parsed. treeFromDraft makes the corrected rows a plan tree again, for the same import.
 */
export interface PlanDraft {
  metadata: PlanMetadata;
  targets: Target[];
  sections: { title: string; numeral: string }[];
  rows: DraftRow[];
  /** Warnings about the document as a whole, not one row. */
  notes: ParseWarning[];
}

/** A mistake in a corrected row: which row (0-based), which field, what to do. */
export interface DraftProblem {
  row: number | null;
  field: 'title' | 'lead' | 'deadline' | 'section' | 'rows';
  message: string;
}

export const MAX_DRAFT_ROWS = 5000;
const MAX_TITLE = 500;
const MAX_BODY = 5000;
const MAX_UNITS = 50;

const unitText = (u: UnitRef) => u.name;

/** Warnings about the whole document, though they carry the line of their first case. */
const PLAN_WIDE = new Set<ParseWarning['code']>([
  'deadline-defaulted',
  'year-assumed',
  'encoding-guessed',
  'traditional-converted',
]);
/** The Chinese half of a "中文 / English" warning: the preview is for Chinese readers. */
const chinese = (message: string) => message.split(' / ')[0];

function draftDeadline(item: TaskItem): DraftDeadline {
  const all = item.deadlines?.length ? item.deadlines : [item.deadline];
  const first = all[0];
  if (first.defaulted) return { kind: 'default' };
  if (first.kind === 'recurring') return { kind: 'recurring', every: first.every ?? 'quarter' };
  if (first.kind === 'ongoing') return { kind: 'ongoing' };
  return { kind: 'date', dates: all.filter((d) => d.kind === 'date' && d.date).map((d) => d.date!) };
}

/** The preview rows of a parsed plan: every leaf, with the warnings of its line beside it. */
export function draftFromTree(tree: PlanTree): PlanDraft {
  const rowLines = new Set<number>();
  const walked = walkItems(tree);
  const byCode = new Map(walked.map((w) => [w.item.code, w.item]));
  const rows: DraftRow[] = walked
    .filter((w) => w.isLeaf)
    .map(({ item, section, parentCode }) => {
      const parent = parentCode ? byCode.get(parentCode) : undefined;
      rowLines.add(item.source.line);
      const r = item.responsibility;
      return {
        section: tree.sections.indexOf(section),
        ...(parent ? { group: parent.title } : {}),
        code: item.code,
        title: item.title,
        body: item.body,
        lead: r ? unitText(r.lead) : '',
        cooperating: r ? [...(r.coLeads ?? []), ...r.cooperating].map(unitText) : [],
        deadline: draftDeadline(item),
        source: { ...item.source },
        warnings: tree.warnings
          .filter((w) => w.line === item.source.line && !PLAN_WIDE.has(w.code))
          .map((w) => chinese(w.message)),
      };
    });
  return {
    metadata: { ...tree.metadata },
    targets: tree.targets,
    sections: tree.sections.map((s) => ({ title: s.title, numeral: s.numeral })),
    rows,
    notes: tree.warnings.filter((w) => !rowLines.has(w.line) || PLAN_WIDE.has(w.code)),
  };
}

function deadlineOf(d: DraftDeadline, year: number): { deadline: Deadline; deadlines?: Deadline[] } {
  switch (d.kind) {
    case 'recurring':
      return { deadline: { kind: 'recurring', every: d.every, defaulted: false, raw: '预览中确认' } };
    case 'ongoing':
      return { deadline: { kind: 'ongoing', defaulted: false, raw: '预览中确认' } };
    case 'date': {
      const dates = [...new Set(d.dates)].sort();
      const all: Deadline[] = dates.map((date) => ({ kind: 'date', date, defaulted: false, raw: date }));
      return { deadline: all[all.length - 1], ...(all.length > 1 ? { deadlines: all } : {}) };
    }
    default:
      return { deadline: { kind: 'date', date: `${year}-12-31`, defaulted: true, raw: '' } };
  }
}

/** The mistakes of a corrected draft, each pointing at its row: empty when it can be imported. */
export function draftProblems(draft: PlanDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (draft.rows.length === 0) problems.push({ row: null, field: 'rows', message: '没有任何任务：请至少保留一行' });
  if (draft.rows.length > MAX_DRAFT_ROWS) {
    problems.push({ row: null, field: 'rows', message: `任务超过 ${MAX_DRAFT_ROWS} 行：请按年度或股室拆分计划` });
  }
  const year = draft.metadata.year;
  draft.rows.forEach((r, i) => {
    const at = `第 ${i + 1} 行`;
    if (!Number.isInteger(r.section) || r.section < 0 || r.section >= draft.sections.length) {
      problems.push({ row: i, field: 'section', message: `${at}：所属板块不存在` });
    }
    if (!r.title.trim()) problems.push({ row: i, field: 'title', message: `${at}：任务名称不能为空` });
    if (r.title.length > MAX_TITLE) {
      problems.push({ row: i, field: 'title', message: `${at}：任务名称超过 ${MAX_TITLE} 字` });
    }
    if (r.body.length > MAX_BODY)
      problems.push({ row: i, field: 'title', message: `${at}：任务内容超过 ${MAX_BODY} 字` });
    if (!r.lead.trim()) problems.push({ row: i, field: 'lead', message: `${at}：请填写牵头单位` });
    if (r.cooperating.length > MAX_UNITS) {
      problems.push({ row: i, field: 'lead', message: `${at}：配合单位超过 ${MAX_UNITS} 个` });
    }
    if (r.deadline.kind === 'date') {
      if (r.deadline.dates.length === 0) {
        problems.push({
          row: i,
          field: 'deadline',
          message: `${at}：请填写完成日期（如 ${year}-06-30），或改为“未写（按年底）”`,
        });
      }
      for (const date of r.deadline.dates) {
        if (!isIsoDate(date) || date < `${year - 1}-01-01` || date > `${year + 2}-12-31`) {
          problems.push({
            row: i,
            field: 'deadline',
            message: `${at}：完成日期“${date}”不是 ${year - 1}–${year + 2} 年间的日期（格式 ${year}-06-30）`,
          });
        }
      }
    }
  });
  return problems;
}

/**
 * The plan tree of a corrected draft, for the import: sections keep their order (those left
 * without rows are dropped), consecutive rows of one group become the sub-items of one item, and
 * every row is numbered afresh. Call draftProblems first.
 */
export function treeFromDraft(draft: PlanDraft): PlanTree {
  const year = draft.metadata.year;
  const sections = draft.sections
    .map((s, index) => ({ s, index, rows: draft.rows.filter((r) => r.section === index) }))
    .filter((x) => x.rows.length > 0)
    .map(({ s, rows }, si) => {
      const code = String(si + 1);
      const items: TaskItem[] = [];
      let group: { title: string; item: TaskItem } | null = null;
      for (const row of rows) {
        const leaf = (itemCode: string): TaskItem => {
          const [lead, ...extraLeads] = splitUnits(row.lead);
          const cooperating = [...extraLeads, ...row.cooperating.flatMap((c) => splitUnits(c))];
          return {
            code: itemCode,
            title: row.title.trim(),
            body: row.body || row.title.trim(),
            ...(lead ? { responsibility: { lead, cooperating, raw: [row.lead, ...row.cooperating].join('、') } } : {}),
            ...deadlineOf(row.deadline, year),
            children: [],
            source: { ...row.source },
          };
        };
        if (row.group) {
          if (!group || group.title !== row.group) {
            const item: TaskItem = {
              code: `${code}.${items.length + 1}`,
              title: row.group,
              body: row.group,
              deadline: { kind: 'date', date: `${year}-12-31`, defaulted: true, raw: '' },
              children: [],
              source: { ...row.source },
            };
            items.push(item);
            group = { title: row.group, item };
          }
          group.item.children.push(leaf(`${group.item.code}.${group.item.children.length + 1}`));
        } else {
          group = null;
          items.push(leaf(`${code}.${items.length + 1}`));
        }
      }
      return { code, numeral: s.numeral, title: s.title, items, source: { line: rows[0].source.line } };
    });
  return { schemaVersion: 1, metadata: draft.metadata, targets: draft.targets, sections, warnings: draft.notes };
}
