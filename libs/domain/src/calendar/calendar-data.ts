import chineseDays from 'chinese-days/dist/chinese-days.json';
import { version as chineseDaysVersion } from 'chinese-days/package.json';
import { CalendarYear, CalendarYearStatus } from './calendar-year';

/** The days of the years a calendar knows, indexed for lookups. */
export interface CalendarData {
  holidays: Set<string>;
  makeupWorkdays: Set<string>;
  /** Status of each known year; a year not here is computed provisionally on first use. */
  years: Map<number, CalendarYearStatus>;
  /** Revision of the data set (0 for the bundled package): a change to any year raises it. */
  revision: number;
}

/** The name of the data package the calendar is seeded from (kept replaceable: see seedYears). */
export const CALENDAR_SEED_PACKAGE = `chinese-days ${chineseDaysVersion}`;

/**
 * The years of the maintained data package `chinese-days` (State Council notices, 2004 onwards),
 * as official calendar years: the seed of the calendar table. Compared with lunar-typescript and
 * tyme4ts (same notices, all three end with 2026 as of December 2026) it is the one we already
 * use; another package can replace it here alone.
 */
export function seedYears(): CalendarYear[] {
  const byYear = new Map<number, CalendarYear>();
  const yearOf = (d: string) => {
    const year = Number(d.slice(0, 4));
    let y = byYear.get(year);
    if (!y)
      byYear.set(
        year,
        (y = { year, status: 'official', holidays: [], makeupWorkdays: [], source: { note: CALENDAR_SEED_PACKAGE } }),
      );
    return y;
  };
  for (const d of Object.keys(chineseDays.holidays)) yearOf(d).holidays.push(d);
  for (const d of Object.keys(chineseDays.workdays)) yearOf(d).makeupWorkdays.push(d);
  return [...byYear.values()]
    .map((y) => ({ ...y, holidays: y.holidays.sort(), makeupWorkdays: y.makeupWorkdays.sort() }))
    .sort((a, b) => a.year - b.year);
}

/** Calendar years → the lookup sets of a WorkdayCalendar. A later year entry wins for its days. */
export function calendarDataOf(years: CalendarYear[], revision = 0): CalendarData {
  const data: CalendarData = { holidays: new Set(), makeupWorkdays: new Set(), years: new Map(), revision };
  for (const y of years) addYear(data, y);
  return data;
}

/** Adds (or replaces) one year's days in a data set. */
export function addYear(data: CalendarData, y: CalendarYear): void {
  const prefix = `${y.year}-`;
  for (const set of [data.holidays, data.makeupWorkdays]) {
    for (const d of [...set]) if (d.startsWith(prefix)) set.delete(d);
  }
  for (const d of y.holidays) data.holidays.add(d);
  for (const d of y.makeupWorkdays) data.makeupWorkdays.add(d);
  data.years.set(y.year, y.status);
}

let bundled: CalendarData | undefined;

/** The bundled package's years (tests, and processes without a database). */
export function defaultCalendarData(): CalendarData {
  bundled ??= calendarDataOf(seedYears());
  return {
    ...bundled,
    holidays: new Set(bundled.holidays),
    makeupWorkdays: new Set(bundled.makeupWorkdays),
    years: new Map(bundled.years),
  };
}
