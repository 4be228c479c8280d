import { ApplicationFailure } from '@temporalio/activity';
import { WorkdayCalendar } from '../../libs/domain/src/calendar/workday-calendar';
import { TaskActivities } from '../../libs/domain/src/task/task-activities';
import { planStageTimers } from '../../libs/domain/src/task/timer-plan';

/** ApplicationFailure type of a calendar question that no retry can answer (a year out of range, a bad date). */
export const CALENDAR_REFUSED = 'CALENDAR_REFUSED';

/**
 * Date arithmetic on the workday calendar, done outside workflow code (the workflow only compares
 * the instants it gets back with workflow time). Every error here is deterministic — the same
 * question fails the same way — so it fails the activity non-retryably: the task records it and
 * goes on, instead of retrying for ever.
 */
export function createCalendarActivities(
  calendar = new WorkdayCalendar(),
): Pick<TaskActivities, 'planStageTimers' | 'resolveDueInstant'> {
  return {
    async planStageTimers({ dueAt, policy }) {
      return refusedForGood(() => {
        if (Number.isNaN(Date.parse(dueAt))) throw new RangeError(`dueAt is not an ISO instant: ${dueAt}`);
        return planStageTimers(dueAt, policy, calendar);
      });
    },
    async resolveDueInstant({ date }) {
      return refusedForGood(() => calendar.dueInstant(date).toISOString());
    },
  };
}

function refusedForGood<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw ApplicationFailure.nonRetryable((error as Error).message, CALENDAR_REFUSED);
  }
}
