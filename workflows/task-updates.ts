import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import {
  CALENDAR_CHANGED_SIGNAL,
  CalendarChange,
  PROBLEM_CLOSED_SIGNAL,
  ProblemStatus,
  TaskActionArgs,
  TaskSnapshot,
} from '../libs/domain/src/task/task-types';

/** The task workflow's query and updates; the API calls them by these names. */
export const getStateQuery = defineQuery<TaskSnapshot>('getState');

type Updates = { [A in keyof TaskActionArgs]: ReturnType<typeof defineUpdate<TaskSnapshot, [TaskActionArgs[A]], A>> };

export const taskUpdates: Updates = {
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

/** A problem's workflow tells its parent task it has ended (closed or cancelled). */
export const problemClosedSignal =
  defineSignal<[{ problemId: string; status: Exclude<ProblemStatus, 'open'> }]>(PROBLEM_CLOSED_SIGNAL);

/** The workday calendar changed (a holiday notice entered): resolve the due dates again, re-plan the timers. */
export const calendarChangedSignal = defineSignal<[CalendarChange]>(CALENDAR_CHANGED_SIGNAL);
