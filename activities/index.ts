import { DataSource } from 'typeorm';
import { CalendarSource } from '@duban/domain/calendar/calendar-source';
import { TaskActivities } from '@duban/domain/task/task-activities';
import { Notifier } from '@duban/notify';
import { createCalendarActivities } from './calendar/calendar-activities';
import { UserRepository } from '@duban/persistence/repositories/user-repository';
import { createNotificationActivities } from './notification/notification-activities';
import { createProjectionActivities } from './projection/projection-activities';

/** Every activity of the task workflow, wired to its services (the worker passes them by DI). */
export function createTaskActivities(deps: {
  db: DataSource;
  notifier: Notifier;
  calendar: CalendarSource;
  publicUrl?: string;
}): TaskActivities {
  return {
    ...createCalendarActivities(deps.calendar),
    ...createProjectionActivities(deps.db),
    ...createNotificationActivities(new UserRepository(deps.db), deps.notifier, deps.publicUrl),
  };
}

// KPI targets and the weekly bulletin (issue 7): registered by the worker beside the task activities.
export { createKpiActivities } from './kpi';
export { createBulletinActivities } from './bulletin/bulletin-activities';
