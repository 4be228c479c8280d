import { WorkdayCalendar } from '@duban/domain/calendar/workday-calendar';
import { PlanMetadata } from '@duban/domain/plan/plan-tree';
import { WalkedItem } from '@duban/domain/plan/plan-walk';
import { ResolvedAssignment } from '@duban/domain/plan/unit-resolution';
import { ListedProblem, TaskWorkflowInput } from '@duban/domain/task/task-types';

/** Everything needed to start one leaf task's workflow. */
export interface TaskLaunch {
  /** Equal to the workflow id: "<plan>/<code>". */
  taskId: string;
  kind: string;
  input: TaskWorkflowInput;
}

/** Builds the workflow start of a leaf task (stage template, due instants on the workday calendar). */
export type TaskLaunchFactory = (
  planId: string,
  plan: PlanMetadata,
  leaf: WalkedItem,
  assignment: ResolvedAssignment,
  /** The calendar of this import (loaded once per import from the calendar table). */
  calendar: WorkdayCalendar,
  /** 签收 asked of each new task's lead unit, in workdays (0: none); an item's own policy wins. */
  receiptWorkdays?: number,
) => TaskLaunch;

/** Starts task workflows idempotently: an id that already exists is left alone, never twinned. */
export interface TaskWorkflowStarter {
  ensureStarted(launches: TaskLaunch[]): Promise<{ started: number; existing: number; failed: number }>;
  /** Cancels the workflows of tasks a plan revision removed (recorded in each task's history). */
  cancelRemoved(taskIds: string[], reason: string): Promise<number>;
  /** Tells a running list's task (整改清单) of rows a revision added; a known row changes nothing. */
  listProblems(listTaskId: string, problems: ListedProblem[]): Promise<void>;
}

export const TASK_WORKFLOW_STARTER = Symbol('TASK_WORKFLOW_STARTER');
export const TASK_LAUNCH_FACTORY = Symbol('TASK_LAUNCH_FACTORY');
