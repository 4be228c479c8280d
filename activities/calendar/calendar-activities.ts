import { WorkdayCalendar } from '../../libs/domain/src/calendar/workday-calendar';
import { TaskActivities } from '../../libs/domain/src/task/task-activities';
import { planStageTimers } from '../../libs/domain/src/task/timer-plan';

/** Date arithmetic on the workday calendar, done outside workflow code. */
export function createCalendarActivities(
  calendar = new WorkdayCalendar(),
): Pick<TaskActivities, 'planStageTimers' | 'resolveDueInstant'> {
  return {
    async planStageTimers({ dueAt, policy }) {
      return planStageTimers(dueAt, policy, calendar);
    },
    async resolveDueInstant({ date }) {
      return calendar.dueInstant(date).toISOString();
    },
  };
}
