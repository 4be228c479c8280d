import { WorkdayCalendar } from './workday-calendar';

/**
 * The workday arithmetic as plain functions over the bundled data (chinese-days + overrides), for
 * callers that need no other data set. Dates are 'YYYY-MM-DD' (Asia/Shanghai); each throws
 * CalendarYearUnavailableError for a year without data.
 */
let shared: WorkdayCalendar | undefined;

/** One calendar over the bundled data, built on first use (building it indexes ~20 years). */
export const defaultWorkdayCalendar = (): WorkdayCalendar => (shared ??= new WorkdayCalendar());

export const isWorkday = (date: string): boolean => defaultWorkdayCalendar().isWorkday(date);

/** `n` workdays after `date` (before it when n < 0). */
export const addWorkdays = (date: string, n: number): string => defaultWorkdayCalendar().addWorkdays(date, n);

/** Workdays in (from, to]; negative when `to` is before `from`. */
export const workdaysBetween = (from: string, to: string): number => defaultWorkdayCalendar().workdaysBetween(from, to);

/** 17:30 Shanghai time on a workday. */
export const endOfWorkday = (date: string): Date => defaultWorkdayCalendar().endOfWorkday(date);

/** Deadline instant of a due date (moved back to the previous workday when it is a day off). */
export const dueInstant = (date: string): Date => defaultWorkdayCalendar().dueInstant(date);
