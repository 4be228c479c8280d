import { PlanParseError } from '../errors';
import { validatePlanJson } from '../validate-plan-json';
import {
  DraftDeadline,
  DraftProblem,
  draftProblems,
  DraftRow,
  MAX_DRAFT_ROWS,
  PlanDraft,
  treeFromDraft,
} from './plan-draft';
import { PlanTree } from '@duban/domain/plan/plan-tree';

const EVERY = ['month', 'quarter', 'half-year', 'year'] as const;

const bad = (path: string, zh: string, en: string) =>
  new PlanParseError({
    code: 'INVALID_PLAN_DRAFT',
    zh: `预览数据格式不对：${path} ${zh}`,
    en: `The preview draft is malformed: ${path} ${en}`,
    hint: '请回到导入页面重新上传文件；如仍出现，请把该提示告知管理员。',
    path,
  });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(v: unknown, path: string, max: number): string {
  if (typeof v !== 'string') throw bad(path, '应为文字', 'must be a string');
  if (v.length > max) throw bad(path, `超过 ${max} 字`, `is longer than ${max}`);
  return v;
}

function deadline(v: unknown, path: string): DraftDeadline {
  if (!isRecord(v)) throw bad(path, '应为对象', 'must be an object');
  switch (v.kind) {
    case 'date': {
      if (!Array.isArray(v.dates) || v.dates.length > 12)
        throw bad(`${path}/dates`, '应为至多 12 个日期', 'must list at most 12 dates');
      return { kind: 'date', dates: v.dates.map((d, i) => text(d, `${path}/dates/${i}`, 10).trim()) };
    }
    case 'recurring':
      if (!EVERY.includes(v.every as (typeof EVERY)[number]))
        throw bad(
          `${path}/every`,
          '应为 month、quarter、half-year 或 year',
          'must be month, quarter, half-year or year',
        );
      return { kind: 'recurring', every: v.every as (typeof EVERY)[number] };
    case 'ongoing':
      return { kind: 'ongoing' };
    case 'default':
      return { kind: 'default' };
    default:
      throw bad(
        `${path}/kind`,
        '应为 date、recurring、ongoing 或 default',
        'must be date, recurring, ongoing or default',
      );
  }
}

function row(v: unknown, i: number): DraftRow {
  const path = `/rows/${i}`;
  if (!isRecord(v)) throw bad(path, '应为对象', 'must be an object');
  const source = isRecord(v.source) ? v.source : {};
  const line = Number.isInteger(source.line) && (source.line as number) >= 1 ? (source.line as number) : 1;
  if (!Array.isArray(v.cooperating) || v.cooperating.length > 50) {
    throw bad(`${path}/cooperating`, '应为至多 50 个单位', 'must list at most 50 units');
  }
  return {
    section: Number.isInteger(v.section) ? (v.section as number) : -1,
    ...(v.group === undefined || v.group === null || v.group === ''
      ? {}
      : { group: text(v.group, `${path}/group`, 500) }),
    code: typeof v.code === 'string' ? v.code.slice(0, 32) : '',
    title: text(v.title, `${path}/title`, 2000),
    body: typeof v.body === 'string' ? text(v.body, `${path}/body`, 20000) : '',
    lead: text(v.lead, `${path}/lead`, 500),
    cooperating: v.cooperating.map((c, j) => text(c, `${path}/cooperating/${j}`, 500)),
    deadline: deadline(v.deadline, `${path}/deadline`),
    source: { line, ...(typeof source.cell === 'string' ? { cell: source.cell.slice(0, 32) } : {}) },
    warnings: [],
  };
}

/**
 * A corrected draft as it comes back from the preview page or the API: its shape checked field by
 * field (a malformed one is refused, naming the field), then the rows checked for what a person
 * must fix (DraftProblem, per row), then made a plan tree and checked against the plan schema.
 */
export function readDraft(value: unknown): { draft: PlanDraft; problems: DraftProblem[]; tree: PlanTree | null } {
  if (!isRecord(value)) throw bad('/', '应为对象', 'must be an object');
  if (!isRecord(value.metadata)) throw bad('/metadata', '应为对象', 'must be an object');
  if (!Array.isArray(value.sections) || value.sections.length > 1000)
    throw bad('/sections', '应为列表', 'must be a list');
  if (!Array.isArray(value.rows) || value.rows.length > MAX_DRAFT_ROWS) {
    throw bad('/rows', `应为至多 ${MAX_DRAFT_ROWS} 行`, `must hold at most ${MAX_DRAFT_ROWS} rows`);
  }
  const draft: PlanDraft = {
    metadata: value.metadata as unknown as PlanDraft['metadata'],
    targets: Array.isArray(value.targets) ? (value.targets as PlanDraft['targets']) : [],
    sections: value.sections.map((s, i) => {
      if (!isRecord(s)) throw bad(`/sections/${i}`, '应为对象', 'must be an object');
      return {
        title: text(s.title, `/sections/${i}/title`, 500),
        numeral: typeof s.numeral === 'string' ? s.numeral.slice(0, 8) : '',
      };
    }),
    rows: value.rows.map(row),
    notes: Array.isArray(value.notes) ? (value.notes as PlanDraft['notes']) : [],
  };
  const problems = draftProblems(draft);
  if (problems.length > 0) return { draft, problems, tree: null };
  // The schema checks what the preview passes through untouched (metadata, targets, notes).
  return { draft, problems, tree: validatePlanJson(JSON.parse(JSON.stringify(treeFromDraft(draft)))) };
}
