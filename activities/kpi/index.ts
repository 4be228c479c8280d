import { DataSource } from 'typeorm';
import { CalendarSource } from '@duban/domain/calendar/calendar-source';
import { IndicatorActivities } from '@duban/domain/kpi/indicator-workflow-contract';
import { createIndicatorStoreActivities } from './indicator-store-activities';
import { createReadingTimerActivities } from './reading-timer-activities';

/** The indicator workflow's own activities; `notify` is the task workflow's (shared by name). */
export function createKpiActivities(db: DataSource, calendar: CalendarSource): Omit<IndicatorActivities, 'notify'> {
  return { ...createReadingTimerActivities(calendar), ...createIndicatorStoreActivities(db) };
}
