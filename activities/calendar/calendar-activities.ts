import { WorkdayCalendar } from '../../libs/domain/src/calendar/workday-calendar';
import { TaskActivities } from '../../libs/domain/src/task/task-activities';
import { planStageTimers } from '../../libs/domain/src/task/timer-plan';

/**
 * Date arithmetic on the workday calendar, done outside workflow code (the workflow only compares
 * the instants it gets back with workflow time). A year without holiday data throws
 * CalendarYearUnavailableError: the activity fails loudly and is retried (TASK_ACTIVITY_OPTIONS),
 * so the task waits — rather than guessing — until a worker with the year's data takes over.
 */
export function createCalendarActivities(
  calendar = new WorkdayCalendar(),
): Pick<TaskActivities, 'planStageTimers' | 'resolveDueInstant'> {
  return {
    async planStageTimers({ dueAt, policy }) {
      if (Number.isNaN(Date.parse(dueAt))) throw new RangeError(`dueAt is not an ISO instant: ${dueAt}`);
      return planStageTimers(dueAt, policy, calendar);
    },
    async resolveDueInstant({ date }) {
      return calendar.dueInstant(date).toISOString();
    },
  };
}
