import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import {
  CALENDAR_CHANGED_SIGNAL,
  CalendarChange,
  GET_STATE_QUERY,
  PROBLEM_CLOSED_SIGNAL,
  PROBLEM_REOPENED_SIGNAL,
  PROBLEM_LISTED_SIGNAL,
  ListedProblem,
  ProblemStatus,
  TaskActionArgs,
  TaskAction,
  TaskSnapshot,
  TaskWorkflowInput,
} from './task-types';

/**
 * The typed contract of the task workflow, shared by the workflow (its handlers), the API, the
 * starters and the tests: its type, query, updates and signals as definitions, so a renamed
 * message or a wrong argument is a compile error rather than a runtime 'update not found'.
 * (`define*` from @temporalio/workflow are plain descriptors, usable outside a workflow.)
 */

/** The workflow function's shape: `client.workflow.start<TaskLifecycleWorkflow>(TASK_WORKFLOW_TYPE, …)`. */
export type TaskLifecycleWorkflow = (input: TaskWorkflowInput) => Promise<TaskSnapshot>;

export const getStateQuery = defineQuery<TaskSnapshot>(GET_STATE_QUERY);

type Updates = { [A in keyof TaskActionArgs]: ReturnType<typeof defineUpdate<TaskSnapshot, [TaskActionArgs[A]], A>> };

export const taskUpdates: Updates = {
  acknowledge: defineUpdate('acknowledge'),
  decline: defineUpdate('decline'),
  submit: defineUpdate('submit'),
  cooperateFeedback: defineUpdate('cooperateFeedback'),
  confirmCooperation: defineUpdate('confirmCooperation'),
  approve: defineUpdate('approve'),
  returnStage: defineUpdate('returnStage'),
  requestExtension: defineUpdate('requestExtension'),
  decideExtension: defineUpdate('decideExtension'),
  reassign: defineUpdate('reassign'),
  suspend: defineUpdate('suspend'),
  resume: defineUpdate('resume'),
  cancel: defineUpdate('cancel'),
  close: defineUpdate('close'),
  comment: defineUpdate('comment'),
  addProblem: defineUpdate('addProblem'),
};

/** The update of one action, typed by the action (the API's generic action path). */
export function taskUpdate<A extends TaskAction>(action: A): UpdateDefinition<TaskSnapshot, [TaskActionArgs[A]], A> {
  // The mapped type does not narrow for a generic A; each entry is exactly this type.
  return taskUpdates[action] as UpdateDefinition<TaskSnapshot, [TaskActionArgs[A]], A>;
}

/** A problem's workflow tells its parent task it has ended (closed or cancelled). */
export const problemClosedSignal =
  defineSignal<[{ problemId: string; status: Exclude<ProblemStatus, 'open'> }]>(PROBLEM_CLOSED_SIGNAL);

/** A closed problem of the task's ledger was reopened: it is open again. */
export const problemReopenedSignal = defineSignal<[{ problemId: string; reason: string }]>(PROBLEM_REOPENED_SIGNAL);

/** A revision of an imported list (整改清单) added a row: the list's task waits for it too. */
export const problemListedSignal = defineSignal<[ListedProblem]>(PROBLEM_LISTED_SIGNAL);

/** The workday calendar changed (a holiday notice entered): resolve the due dates again, re-plan the timers. */
export const calendarChangedSignal = defineSignal<[CalendarChange]>(CALENDAR_CHANGED_SIGNAL);
