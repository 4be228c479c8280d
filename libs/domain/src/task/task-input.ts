import { WorkdayCalendar } from '../calendar/workday-calendar';
import { TaskItem } from '../plan/plan-tree';
import { kindOf, stageTemplate } from './stage-templates';
import { DEFAULT_POLICY, TaskKind, TaskPolicy, TaskWorkflowInput } from './task-types';

/** What a plan owner may set per task instead of the rules' choice. */
export interface TaskOverride {
  kind?: TaskKind;
  targetQuantity?: number;
  policy?: Partial<TaskPolicy>;
}

export interface TaskInputContext {
  planId: string;
  planYear: number;
  /** Plan issue date (YYYY-MM-DD); work starts then. */
  issuedOn?: string;
  leadUnit: string;
  cooperatingUnits: string[];
  policy?: TaskPolicy;
  override?: TaskOverride;
  calendar: WorkdayCalendar;
}

/**
 * The workflow input of a leaf task: kind (rules or override), stages from the kind's template,
 * and due instants resolved on the workday calendar (17:30 Shanghai on the due day, or on the last
 * workday before it when the day is a holiday). Runs before the workflow starts, never inside it.
 */
export function buildTaskInput(item: TaskItem, ctx: TaskInputContext): TaskWorkflowInput {
  const chosen = kindOf(item);
  const kind = ctx.override?.kind ?? chosen.kind;
  const due = item.deadline.date ?? `${ctx.planYear}-12-31`;
  const start = ctx.issuedOn && ctx.issuedOn.startsWith(String(ctx.planYear)) ? ctx.issuedOn : `${ctx.planYear}-01-01`;
  const drafts = stageTemplate(kind, {
    start,
    due,
    year: ctx.planYear,
    hasCooperatingUnits: ctx.cooperatingUnits.length > 0,
    recurrence: item.deadline.every,
    targetQuantity: ctx.override?.targetQuantity ?? chosen.targetQuantity,
    calendar: ctx.calendar,
  });
  return {
    planId: ctx.planId,
    taskCode: item.code,
    title: item.title,
    kind,
    leadUnit: ctx.leadUnit,
    cooperatingUnits: ctx.cooperatingUnits,
    stages: drafts.map(({ dueDate, ...rest }) => ({
      ...rest,
      ownerUnit: rest.closure ? '*' : ctx.leadUnit,
      dueAt: dueDate ? ctx.calendar.dueInstant(dueDate).toISOString() : null,
    })),
    policy: { ...(ctx.policy ?? DEFAULT_POLICY), ...(ctx.override?.policy ?? {}) },
  };
}
