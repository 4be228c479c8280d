import { addYear, CalendarData, defaultCalendarData } from './calendar-data';
import { CALENDAR_YEARS, calendarServesYear } from './calendar-range';
import { CalendarYearStatus, provisionalYear } from './calendar-year';
import { addDays, shanghaiDate, shanghaiInstant, weekday } from './shanghai-time';

/** Office hours end at 17:30 Shanghai time; a deadline day ends then. */
export const END_OF_WORKDAY = { hour: 17, minute: 30 } as const;

/** Asked about a year outside the calendar's range: refusing beats guessing a deadline wrong. */
export class CalendarYearUnavailableError extends Error {
  constructor(readonly year: number) {
    super(
      `工作日历只支持 ${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last} 年，${year} 年不在范围内 / ` +
        `The workday calendar serves ${CALENDAR_YEARS.first}-${CALENDAR_YEARS.last}; ${year} is outside it`,
    );
    this.name = 'CalendarYearUnavailableError';
  }
}

/**
 * Workday arithmetic on the Chinese calendar: weekends, holidays, 调休 make-up days. A year the data
 * lacks is computed provisionally (statutory holidays, no 调休) the first time it is asked about,
 * so next year works today; statusOf says which kind of year an answer came from.
 */
export class WorkdayCalendar {
  private readonly data: CalendarData;

  constructor(data: CalendarData = defaultCalendarData()) {
    // Own copy: provisional years are added to it as they are asked for.
    this.data = {
      ...data,
      holidays: new Set(data.holidays),
      makeupWorkdays: new Set(data.makeupWorkdays),
      years: new Map(data.years),
    };
  }

  /** Revision of the data this calendar was built from. */
  get revision(): number {
    return this.data.revision;
  }

  /** Whether a year's days come from its notice (official) or from the law alone (provisional). */
  statusOf(year: number): CalendarYearStatus {
    this.ensureYear(year);
    return this.data.years.get(year)!;
  }

  /** The latest year entered from a notice, or null. */
  lastOfficialYear(): number | null {
    let last: number | null = null;
    for (const [year, status] of this.data.years)
      if (status === 'official' && (last === null || year > last)) last = year;
    return last;
  }

  private ensureYear(year: number): void {
    if (this.data.years.has(year)) return;
    if (!calendarServesYear(year)) throw new CalendarYearUnavailableError(year);
    addYear(this.data, provisionalYear(year));
  }

  isWorkday(date: string): boolean {
    this.ensureYear(Number(date.slice(0, 4)));
    if (this.data.makeupWorkdays.has(date)) return true;
    if (this.data.holidays.has(date)) return false;
    const d = weekday(date);
    return d !== 0 && d !== 6;
  }

  /** The date `n` workdays after (n > 0) or before (n < 0) `date`; n = 0 is `date` itself. */
  addWorkdays(date: string, n: number): string {
    let d = date;
    const step = n >= 0 ? 1 : -1;
    for (let left = Math.abs(n); left > 0;) {
      d = addDays(d, step);
      if (this.isWorkday(d)) left--;
    }
    return d;
  }

  /** `date` if it is a workday, otherwise the last workday before it. */
  onOrBeforeWorkday(date: string): string {
    let d = date;
    while (!this.isWorkday(d)) d = addDays(d, -1);
    return d;
  }

  /** Workdays in (from, to]: how many workdays `to` lies after `from` (negative if before). */
  workdaysBetween(from: string, to: string): number {
    if (from === to) return 0;
    const forward = from < to;
    let n = 0;
    for (let d = from; d !== to;) {
      d = addDays(d, forward ? 1 : -1);
      if (this.isWorkday(forward ? d : addDays(d, 1))) n++;
    }
    return forward ? n : -n;
  }

  /** 17:30 Shanghai time on a workday: when the office day ends. A non-workday has no end. */
  endOfWorkday(date: string): Date {
    if (!this.isWorkday(date)) throw new RangeError(`${date} is not a workday`);
    return shanghaiInstant(date, END_OF_WORKDAY.hour, END_OF_WORKDAY.minute);
  }

  /**
   * The deadline instant of a due date: the end of that workday. A due date on a weekend or
   * holiday moves to the previous workday: the office is closed that day, so the work must be in
   * before the break (the common reading of 督办 deadlines; moving it later would reward the gap).
   */
  dueInstant(date: string): Date {
    return this.endOfWorkday(this.onOrBeforeWorkday(date));
  }

  /** Shanghai date of an instant (re-exported for callers that hold instants). */
  dateOf(instant: Date | string): string {
    return shanghaiDate(instant);
  }
}
