import chineseDays from 'chinese-days/dist/chinese-days.json';
import { CALENDAR_OVERRIDES } from './overrides';

/** Statutory holidays and 调休 make-up workdays, by year. */
export interface CalendarData {
  holidays: Set<string>;
  makeupWorkdays: Set<string>;
  years: Set<number>;
}

/** One year's notice: days off and 调休 make-up workdays ('YYYY-MM-DD'). */
export interface YearOverride {
  holidays: string[];
  makeupWorkdays: string[];
}

/**
 * The maintained data package `chinese-days` (State Council notices, 2004 onwards) plus our
 * override table for notices newer than the package. A year is known only if one of them has it.
 */
export function defaultCalendarData(): CalendarData {
  return mergeCalendarData(
    { holidays: Object.keys(chineseDays.holidays), makeupWorkdays: Object.keys(chineseDays.workdays) },
    CALENDAR_OVERRIDES,
  );
}

/** Package data with per-year overrides on top: an override wins over the package for its days. */
export function mergeCalendarData(base: YearOverride, overrides: Record<string, YearOverride>): CalendarData {
  const holidays = new Set(base.holidays);
  const makeupWorkdays = new Set(base.makeupWorkdays);
  const years = new Set<number>();
  for (const d of [...holidays, ...makeupWorkdays]) years.add(Number(d.slice(0, 4)));
  for (const [year, o] of Object.entries(overrides)) {
    years.add(Number(year));
    for (const d of o.holidays) {
      holidays.add(d);
      makeupWorkdays.delete(d);
    }
    for (const d of o.makeupWorkdays) {
      makeupWorkdays.add(d);
      holidays.delete(d);
    }
  }
  return { holidays, makeupWorkdays, years };
}
