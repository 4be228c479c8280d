import { DEFAULT_PROGRESS_POLICY } from '../progress/expected-progress';
import { WorkdayCalendar } from '../calendar/workday-calendar';
import { defaultWorkdayCalendar } from '../calendar/workdays';
import { TaskItem } from '../plan/plan-tree';
import { kindOf, StageDraft, stageTemplate } from './stage-templates';
import { DEFAULT_POLICY, StageSpec, TaskKind, TaskPolicy, TaskWorkflowInput } from './task-types';

/** What a plan owner may set per task instead of the rules' choice. */
export interface TaskOverride {
  kind?: TaskKind;
  targetQuantity?: number;
  policy?: Partial<TaskPolicy>;
  /** Resolved unit codes; default: the names written in the plan's responsibility bracket. */
  leadUnit?: string;
  cooperatingUnits?: string[];
  /** Plan issue date (YYYY-MM-DD): work starts then; default 1 January of the plan year. */
  issuedOn?: string;
}

/** A stage with its due DATE (calendar day, as the plan states it); see resolveDueInstants. */
export type StageDateSpec = Omit<StageSpec, 'dueAt' | 'dueDate'> & { dueDate: string | null };

/** The workflow input before its due dates become instants. */
export type TaskInputDraft = Omit<TaskWorkflowInput, 'stages'> & { stages: StageDateSpec[] };

/** The old one-step form (dates resolved at once), kept for callers written against it. */
export interface TaskInputContext {
  planId: string;
  planYear: number;
  issuedOn?: string;
  leadUnit: string;
  cooperatingUnits: string[];
  policy?: TaskPolicy;
  override?: TaskOverride;
  calendar: WorkdayCalendar;
}

/**
 * The workflow input of a leaf task, with stage due DATES: kind by the rules (kindOf) unless the
 * plan owner overrides it, stages from the kind's template. Turn the dates into instants with
 * resolveDueInstants. Runs before the workflow starts, never inside it.
 */
export function buildTaskInput(
  planId: string,
  item: TaskItem,
  planYear: number,
  overrides?: TaskOverride,
  calendar?: WorkdayCalendar,
): TaskInputDraft;
/** @deprecated dates and instants in one step; use (planId, item, planYear, overrides) + resolveDueInstants. */
export function buildTaskInput(item: TaskItem, ctx: TaskInputContext): TaskWorkflowInput;
export function buildTaskInput(
  ...args: [string, TaskItem, number, TaskOverride?, WorkdayCalendar?] | [TaskItem, TaskInputContext]
): TaskInputDraft | TaskWorkflowInput {
  if (typeof args[0] !== 'string') {
    const [item, ctx] = args as [TaskItem, TaskInputContext];
    const draft = draftOf(
      ctx.planId,
      item,
      ctx.planYear,
      {
        issuedOn: ctx.issuedOn,
        leadUnit: ctx.leadUnit,
        cooperatingUnits: ctx.cooperatingUnits,
        ...ctx.override,
        policy: { ...(ctx.policy ?? DEFAULT_POLICY), ...(ctx.override?.policy ?? {}) },
      },
      ctx.calendar,
    );
    return resolveDueInstants(draft, ctx.calendar);
  }
  const [planId, item, planYear, overrides, calendar] = args as [
    string,
    TaskItem,
    number,
    TaskOverride?,
    WorkdayCalendar?,
  ];
  return draftOf(planId, item, planYear, overrides ?? {}, calendar ?? defaultWorkdayCalendar());
}

function draftOf(
  planId: string,
  item: TaskItem,
  planYear: number,
  o: TaskOverride,
  calendar: WorkdayCalendar,
): TaskInputDraft {
  const chosen = kindOf(item);
  const kind = o.kind ?? chosen.kind;
  const leadUnit = o.leadUnit ?? item.responsibility?.lead.name ?? '';
  const cooperatingUnits = (o.cooperatingUnits ?? item.responsibility?.cooperating.map((u) => u.name) ?? []).filter(
    (u) => u !== leadUnit,
  );
  const due = item.deadline.date ?? `${planYear}-12-31`;
  const start = o.issuedOn && o.issuedOn.startsWith(String(planYear)) ? o.issuedOn : `${planYear}-01-01`;
  const drafts: StageDraft[] = stageTemplate(kind, {
    start,
    due,
    year: planYear,
    hasCooperatingUnits: cooperatingUnits.length > 0,
    recurrence: item.deadline.every,
    targetQuantity: o.targetQuantity ?? chosen.targetQuantity,
    calendar,
  });
  return {
    planId,
    taskCode: item.code,
    title: item.title,
    kind,
    leadUnit,
    cooperatingUnits,
    stages: drafts.map((d) => ({ ...d, ownerUnit: d.closure ? '*' : leadUnit })),
    // 序时进度 over the span from the plan's start to the item's deadline.
    policy: { ...DEFAULT_POLICY, progress: DEFAULT_PROGRESS_POLICY, ...(o.policy ?? {}) },
    progressFrom: start,
    ...(item.verifyingUnit ? { verifyingUnit: item.verifyingUnit } : {}),
  };
}

/**
 * Due dates → due instants: the end of the workday (17:30 Asia/Shanghai). A due date on a weekend
 * or holiday moves to the PREVIOUS workday (the office is closed on the day itself, and the work
 * must be in before the break). A year without a notice is answered provisionally; a year outside
 * the calendar's range throws CalendarYearUnavailableError.
 */
export function resolveDueInstants(
  draft: TaskInputDraft,
  calendar: WorkdayCalendar = defaultWorkdayCalendar(),
): TaskWorkflowInput {
  return {
    ...draft,
    stages: draft.stages.map(({ dueDate, ...rest }) => ({
      ...rest,
      dueAt: dueDate ? calendar.dueInstant(dueDate).toISOString() : null,
      // Kept so a calendar change can resolve the date again (the instant alone loses it).
      ...(dueDate ? { dueDate } : {}),
    })),
  };
}
