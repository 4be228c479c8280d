import { WorkdayCalendar } from '@duban/domain/calendar/workday-calendar';
import { PlanMetadata } from '@duban/domain/plan/plan-tree';
import { WalkedItem } from '@duban/domain/plan/plan-walk';
import { ResolvedAssignment } from '@duban/domain/plan/unit-resolution';
import { ProgressPolicy } from '@duban/domain/progress/expected-progress';
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
  /**
   * The import's own policy for its tasks: 签收 workdays (0: none) and 序时进度; an item's own
   * policy wins.
   */
  policy?: { receiptWorkdays?: number; progress?: ProgressPolicy },
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
