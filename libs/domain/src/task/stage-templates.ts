import { WorkdayCalendar } from '../calendar/workday-calendar';

import { TaskItem } from '../plan/plan-tree';
import { StageSpec, TaskKind } from './task-types';

/** A stage with its due DATE (calendar day); instants are resolved by buildTaskInput. */
export type StageDraft = Omit<StageSpec, 'dueAt' | 'ownerUnit' | 'dueDate'> & { dueDate: string | null };

export interface TemplateContext {
  /** Day work starts: the plan's issue date, or 1 January of the plan year. */
  start: string;
  /** The task's final due date (deadline or plan year end). */
  due: string;
  year: number;
  hasCooperatingUnits: boolean;
  recurrence?: 'month' | 'quarter' | 'half-year' | 'year';
  targetQuantity?: number;
  calendar: WorkdayCalendar;
}

const lastDay = (year: number, month: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;

const closure = (): StageDraft => ({
  key: 'closure',
  name: '销号',
  dueDate: null,
  requiresEvidence: false,
  requiresCooperation: false,
  closure: true,
});

const stage = (key: string, name: string, dueDate: string, extra: Partial<StageDraft> = {}): StageDraft => ({
  key,
  name,
  dueDate,
  requiresEvidence: false,
  requiresCooperation: false,
  closure: false,
  ...extra,
});

/** 工作方案 due 20 workdays after the start, but never after the task's own deadline. */
function planStageDue(ctx: TemplateContext): string {
  const d = ctx.calendar.addWorkdays(ctx.calendar.onOrBeforeWorkday(ctx.start), 20);
  return d < ctx.due ? d : ctx.due;
}

/** Progress reports after Q2 and Q3 (5th workday of July / October), kept only before the deadline. */
function quarterlyProgress(ctx: TemplateContext, from: string): StageDraft[] {
  const out: StageDraft[] = [];
  for (const [q, month] of [
    [2, 7],
    [3, 10],
  ] as const) {
    const due = ctx.calendar.addWorkdays(lastDay(ctx.year, month - 1), 5);
    if (due > from && due < ctx.due)
      out.push(stage(`progress-q${q}`, `季度进展（第${q === 2 ? '二' : '三'}季度）`, due));
  }
  return out;
}

/** Report periods of a recurring task: one stage per month/quarter from the start to year end. */
function periodicReports(ctx: TemplateContext, every: 'month' | 'quarter' | 'half-year' | 'year'): StageDraft[] {
  const step = every === 'month' ? 1 : every === 'quarter' ? 3 : every === 'half-year' ? 6 : 12;
  const startMonth = Number(ctx.start.slice(5, 7));
  const out: StageDraft[] = [];
  for (let end = step; end <= 12; end += step) {
    if (end < startMonth) continue;
    const label =
      every === 'month'
        ? `${end}月`
        : every === 'quarter'
          ? `第${end / 3}季度`
          : every === 'half-year'
            ? end === 6
              ? '上半年'
              : '下半年'
            : '全年';
    out.push(
      stage(
        `report-${String(end).padStart(2, '0')}`,
        `${label}工作报告`,
        ctx.calendar.onOrBeforeWorkday(lastDay(ctx.year, end)),
      ),
    );
  }
  return out;
}

/** The share of `target` due by `at`, in calendar days from `start` to `end` (rounded up). */
function proRata(target: number, start: string, at: string, end: string): number {
  const days = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  const share = (days(at) - days(start)) / Math.max(1, days(end) - days(start));
  return Math.min(target, Math.ceil(target * Math.max(0, share)));
}

/** The stages of each kind of task (see DESIGN §2: 阶段). */
export function stageTemplate(kind: TaskKind, ctx: TemplateContext): StageDraft[] {
  const coop = { requiresCooperation: ctx.hasCooperatingUnits };
  switch (kind) {
    case 'rectification': {
      const plan = planStageDue(ctx);
      const implement = ctx.calendar.addWorkdays(ctx.due, -10);
      return [
        stage('rectify-plan', '整改方案', plan, { requiresEvidence: true }),
        stage('rectify-implement', '整改实施', implement > plan ? implement : ctx.due, { requiresEvidence: true }),
        stage('acceptance', '验收', ctx.due, { requiresEvidence: true, ...coop }),
        closure(),
      ];
    }
    case 'quantitative': {
      const plan = planStageDue(ctx);
      const target = ctx.targetQuantity;
      return [
        stage('plan', '工作方案', plan),
        ...quarterlyProgress(ctx, plan).map((p) =>
          target === undefined ? p : { ...p, milestoneQuantity: proRata(target, ctx.start, p.dueDate!, ctx.due) },
        ),
        stage('done', '完成', ctx.due, { ...coop, targetQuantity: ctx.targetQuantity }),
        closure(),
      ];
    }
    case 'assigned':
      // A 交办件 is done in one go by its deadline, with evidence of what was done.
      return [stage('handle', '办理', ctx.due, { requiresEvidence: true, ...coop }), closure()];
    case 'recurring':
      return [...periodicReports(ctx, ctx.recurrence ?? 'quarter'), closure()];
    case 'ongoing':
      return [
        ...periodicReports(ctx, 'quarter').map((s) => ({ ...s, name: s.name.replace('工作报告', '持续推进情况') })),
        closure(),
      ];
    default: {
      const plan = planStageDue(ctx);
      return [
        stage('plan', '工作方案', plan),
        ...quarterlyProgress(ctx, plan),
        stage('done', '完成', ctx.due, coop),
        closure(),
      ];
    }
  }
}

/** Picks the kind of a task from its deadline and wording; the plan owner can override it. */
export function kindOf(item: TaskItem): { kind: TaskKind; targetQuantity?: number } {
  if (item.kind) return { kind: item.kind };
  if (item.deadline.kind === 'ongoing') return { kind: 'ongoing' };
  if (item.deadline.kind === 'recurring') return { kind: 'recurring' };
  if (/整改/.test(item.title) || /(问题|反馈问题|督察问题|隐患)[^。]{0,10}整改|整改到位|销号/.test(item.body)) {
    return { kind: 'rectification' };
  }
  const count = /(?:建设|建成|完成|新建|改造)[^。，,；;]{0,20}?(\d+)\s*(个|座|处|家|套|条)/.exec(item.body);
  if (count) return { kind: 'quantitative', targetQuantity: Number(count[1]) };
  return { kind: 'annual' };
}
