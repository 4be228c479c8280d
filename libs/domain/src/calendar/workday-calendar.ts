import { CalendarData, defaultCalendarData } from './calendar-data';
import { addDays, shanghaiDate, shanghaiInstant, weekday } from './shanghai-time';

/** Office hours end at 17:30 Shanghai time; a deadline day ends then. */
export const END_OF_WORKDAY = { hour: 17, minute: 30 } as const;

/** Asked about a year with no holiday data: refusing beats guessing a deadline wrong. */
export class CalendarYearUnavailableError extends Error {
  constructor(readonly year: number) {
    super(
      `工作日历没有 ${year} 年的节假日数据 / The workday calendar has no holiday data for ${year}: ` +
        `add the State Council notice to libs/domain/src/calendar/overrides.ts or update the chinese-days package`,
    );
    this.name = 'CalendarYearUnavailableError';
  }
}

/** Workday arithmetic on the Chinese calendar: weekends, statutory holidays, 调休 make-up days. */
export class WorkdayCalendar {
  constructor(private readonly data: CalendarData = defaultCalendarData()) {}

  isWorkday(date: string): boolean {
    const year = Number(date.slice(0, 4));
    if (!this.data.years.has(year)) throw new CalendarYearUnavailableError(year);
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
