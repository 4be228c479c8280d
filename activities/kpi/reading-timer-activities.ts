import { bundledCalendarSource, CalendarSource } from '@duban/domain/calendar/calendar-source';
import { addDays, shanghaiInstant } from '@duban/domain/calendar/shanghai-time';
import { IndicatorActivities } from '@duban/domain/kpi/indicator-workflow-contract';
import { ReportingPeriod } from '@duban/domain/kpi/indicator-status';
import { periodsOfYear } from '@duban/domain/kpi/reporting-periods';
import { planStageTimers } from '@duban/domain/task/timer-plan';

/**
 * When a period's reading is due (`dueWorkdays` workdays after the period's last day, at the end
 * of that workday) and when its reminders and escalations fall: the same timer plan as a task
 * stage, so holidays and 调休 make-up days count the same way.
 */
export function createReadingTimerActivities(
  source: CalendarSource = bundledCalendarSource(),
): Pick<IndicatorActivities, 'planReadingTimers'> {
  return {
    async planReadingTimers({ period, year, reportingPeriod, dueWorkdays, policy }) {
      const calendar = await source.calendar();
      const span = periodsOfYear(year, reportingPeriod as ReportingPeriod).find((p) => p.period === period);
      if (!span) throw new RangeError(`period ${period} is not a ${reportingPeriod} period of ${year}`);
      const dueAt = calendar.endOfWorkday(calendar.addWorkdays(span.end, dueWorkdays)).toISOString();
      const timers = planStageTimers(dueAt, policy, calendar);
      return {
        period,
        periodEndsAt: shanghaiInstant(addDays(span.end, 1)).toISOString(),
        dueAt,
        reminders: timers.reminders,
        escalations: timers.escalations,
      };
    },
  };
}
