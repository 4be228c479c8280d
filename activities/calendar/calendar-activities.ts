import { ApplicationFailure } from '@temporalio/activity';
import { bundledCalendarSource, CalendarSource } from '@duban/domain/calendar/calendar-source';
import { WorkdayCalendar } from '@duban/domain/calendar/workday-calendar';
import { TaskActivities } from '@duban/domain/task/task-activities';
import { planStageTimers } from '@duban/domain/task/timer-plan';

/** ApplicationFailure type of a calendar question that no retry can answer (a year out of range, a bad date). */
export const CALENDAR_REFUSED = 'CALENDAR_REFUSED';

/**
 * Date arithmetic on the workday calendar, done outside workflow code (the workflow only compares
 * the instants it gets back with workflow time). The calendar comes from `source` (the calendar
 * table in the worker), at least at the revision the workflow names after a calendar change.
 * Loading it may fail transiently (the database), and is retried; the arithmetic itself is
 * deterministic — the same question fails the same way — so its errors fail non-retryably and
 * the task records them and goes on, instead of retrying for ever.
 */
export function createCalendarActivities(
  source: CalendarSource = bundledCalendarSource(),
): Pick<TaskActivities, 'planStageTimers' | 'resolveDueInstant' | 'resolveReceiptDue'> {
  return {
    async planStageTimers({ dueAt, policy, calendarRevision }) {
      const calendar = await source.calendar(calendarRevision);
      return refusedForGood(() => {
        if (Number.isNaN(Date.parse(dueAt))) throw new RangeError(`dueAt is not an ISO instant: ${dueAt}`);
        return planStageTimers(dueAt, policy, calendar);
      });
    },
    async resolveDueInstant({ date, calendarRevision }) {
      const calendar = await source.calendar(calendarRevision);
      return refusedForGood(() => calendar.dueInstant(date).toISOString());
    },
    async resolveReceiptDue({ assignedAt, workdays, calendarRevision }) {
      const calendar = await source.calendar(calendarRevision);
      return refusedForGood(() => {
        if (Number.isNaN(Date.parse(assignedAt)))
          throw new RangeError(`assignedAt is not an ISO instant: ${assignedAt}`);
        if (!Number.isInteger(workdays) || workdays < 1) throw new RangeError(`workdays must be ≥ 1: ${workdays}`);
        // Counted from the day it arrived: assigned on Friday with 2 workdays → due Tuesday 17:30.
        return calendar.endOfWorkday(calendar.addWorkdays(calendar.dateOf(assignedAt), workdays)).toISOString();
      });
    },
  };
}

/** The calendar activities over a fixed calendar (tests). */
export const calendarActivitiesOver = (calendar: WorkdayCalendar) =>
  createCalendarActivities(bundledCalendarSource(calendar));

function refusedForGood<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw ApplicationFailure.nonRetryable((error as Error).message, CALENDAR_REFUSED);
  }
}
