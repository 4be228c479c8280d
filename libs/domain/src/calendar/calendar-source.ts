import { WorkdayCalendar } from './workday-calendar';

/**
 * Where a process gets its workday calendar: the calendar table (PostgreSQL) in the API and the
 * worker, the bundled data package in tests. `minRevision` asks for data at least that new (a
 * calendar change names its revision, so a cached calendar older than it is reloaded).
 */
export interface CalendarSource {
  calendar(minRevision?: number): Promise<WorkdayCalendar>;
}

/** The bundled data package only (tests, tools without a database). */
export function bundledCalendarSource(calendar = new WorkdayCalendar()): CalendarSource {
  return { calendar: async () => calendar };
}
