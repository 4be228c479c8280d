import type { YearOverride } from './calendar-data';

/**
 * Per-year corrections from the State Council's holiday notice (国务院办公厅关于…部分节假日安排的通知),
 * for a year the data package does not have yet or got wrong. Add the year's notice here when it
 * is published (usually in November for the next year); a year listed here counts as known, so
 * list the WHOLE year's holidays and make-up workdays, e.g.
 *   '2027': { holidays: ['2027-01-01', …], makeupWorkdays: ['2027-02-06', …] },
 */
export const CALENDAR_OVERRIDES: Record<string, YearOverride> = {};
