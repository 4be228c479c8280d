import chineseDays from 'chinese-days/dist/chinese-days.json';
import { CALENDAR_OVERRIDES } from './overrides';

/** Statutory holidays and 调休 make-up workdays, by year. */
export interface CalendarData {
  holidays: Set<string>;
  makeupWorkdays: Set<string>;
  years: Set<number>;
}

/**
 * The maintained data package `chinese-days` (State Council notices, 2004 onwards) plus our
 * override table for notices newer than the package. A year is known only if one of them has it.
 */
export function defaultCalendarData(): CalendarData {
  const holidays = new Set(Object.keys(chineseDays.holidays));
  const makeupWorkdays = new Set(Object.keys(chineseDays.workdays));
  const years = new Set<number>();
  for (const d of [...holidays, ...makeupWorkdays]) years.add(Number(d.slice(0, 4)));
  for (const [year, o] of Object.entries(CALENDAR_OVERRIDES)) {
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
