import type { ActivityOptions, LocalActivityOptions } from '@temporalio/common';
import type { ActorRef } from '../access/actor';
import type { TaskActivities } from './task-activities';
import type { TaskRejectionCode } from './rejections';
import { TASK_ACTIONS, type TaskAction } from './task-types';

/**
 * THE CONTRACT between the API, the worker, the task workflow and its activities: one import for
 * everything another part of the system may rely on. The types live in small files beside this
 * one (task-types, task-activities, rejections); this file re-exports them and adds the names and
 * call options that must agree on both sides of Temporal. Changes here are additive only; a
 * breaking change is announced to the API/worker owner first.
 */

export type {
  ActionBase,
  ActionRecord,
  AddProblemArgs,
  CommentArgs,
  EscalationRecord,
  EscalationTarget,
  ExtensionDecisionArgs,
  ExtensionRequestArgs,
  NoteArgs,
  NotificationRequest,
  ProblemEntry,
  ProblemStatus,
  ReasonArgs,
  ReassignArgs,
  ReceiptState,
  StageSpec,
  StageState,
  StageStatus,
  StageTimerPlan,
  SubmitArgs,
  TaskAction,
  TaskActionArgs,
  TaskEvent,
  TaskKind,
  TaskPolicy,
  TaskSnapshot,
  TaskStatus,
  TimerState,
  TrafficLight,
  TaskWorkflowInput,
} from './task-types';
export {
  DEFAULT_POLICY,
  DEFAULT_RECEIPT_WORKDAYS,
  GET_STATE_QUERY,
  PROBLEM_CLOSED_SIGNAL,
  TASK_ACTIONS,
  TASK_WORKFLOW_TYPE,
  problemWorkflowId,
  taskWorkflowId,
} from './task-types';
export type { TaskActivities } from './task-activities';
export type { TaskRejection, TaskRejectionCode } from './rejections';
export type { ActorRef, ActorRole } from '../access/actor';

/** Who acts: from the authenticated user; every update argument carries one. */
export type Actor = ActorRef;

/** Every `ApplicationFailure.type` an update validator can reject with (HTTP 403/409/400). */
export const TASK_REJECTION_CODES: readonly TaskRejectionCode[] = [
  'FORBIDDEN_ROLE',
  'FORBIDDEN_UNIT',
  'SELF_APPROVAL',
  'INVALID_STATE',
  'NOT_FOUND_STAGE',
  'BAD_INPUT',
];

/** Update names the task workflow registers (= the actions); each returns the new TaskSnapshot. */
export const TASK_UPDATE_NAMES: readonly TaskAction[] = TASK_ACTIONS;

/** Activity names, as the worker must register them (keys of TaskActivities). */
export const TASK_ACTIVITY_NAMES: { readonly [K in keyof TaskActivities]: K } = {
  planStageTimers: 'planStageTimers',
  resolveDueInstant: 'resolveDueInstant',
  resolveReceiptDue: 'resolveReceiptDue',
  projectTaskState: 'projectTaskState',
  notify: 'notify',
};

/**
 * How the workflow calls each group of activities. Changing a timeout or retry policy does not
 * alter workflow commands' identity, but keep it here so worker and workflow read one truth.
 */
export const TASK_ACTIVITY_OPTIONS = {
  /** Pure arithmetic on bundled data: fast; a failure (e.g. a year without data) is retried slowly. */
  calendar: {
    startToCloseTimeout: '30s',
    retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
  },
  /** PostgreSQL upsert, idempotent by snapshot version: retried until the database answers. */
  projection: {
    startToCloseTimeout: '30s',
    retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '30s' },
  },
  /** Channels may be down for hours: retry with backoff for a day, never blocking the task. */
  notification: {
    startToCloseTimeout: '1m',
    scheduleToCloseTimeout: '24h',
    retry: { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '10m' },
  },
} satisfies Record<'calendar' | 'projection' | 'notification', ActivityOptions>;

/**
 * Calendar arithmetic and the projection write run as LOCAL activities in workflows started since
 * the 'local-projection' patch: they execute inside the worker's workflow task, so a sign-off is
 * answered after one workflow task instead of three round trips through the server, and starting
 * a task costs the server no activity tasks. Both are idempotent (pure; upsert by version), which
 * is what a local activity needs: it may run again if the worker dies before the task completes.
 * Retries past `localRetryThreshold` wait on a server timer instead of holding the workflow task.
 */
export const TASK_LOCAL_ACTIVITY_OPTIONS = {
  calendar: {
    startToCloseTimeout: '30s',
    retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
    localRetryThreshold: '10s',
  },
  projection: {
    startToCloseTimeout: '30s',
    retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '30s' },
    localRetryThreshold: '10s',
  },
} satisfies Record<'calendar' | 'projection', LocalActivityOptions>;
