import { calendarDataOf } from './calendar-data';
import { CalendarYear } from './calendar-year';
import { CalendarYearUnavailableError, WorkdayCalendar } from './workday-calendar';

const year = (y: number, status: CalendarYear['status']): CalendarYear => ({
  year: y,
  status,
  holidays: [],
  makeupWorkdays: [],
});

describe('workday calendar edges', () => {
  it('names the latest official year, whatever order the years come in, skipping provisional ones', () => {
    const c = new WorkdayCalendar(
      calendarDataOf([year(2026, 'official'), year(2024, 'official'), year(2028, 'provisional')]),
    );
    expect(c.lastOfficialYear()).toBe(2026);
    expect(new WorkdayCalendar(calendarDataOf([year(2027, 'provisional')])).lastOfficialYear()).toBeNull();
    expect(new WorkdayCalendar(calendarDataOf([])).lastOfficialYear()).toBeNull();
  });

  it('counts zero workdays between a day and itself, as +0', () => {
    const c = new WorkdayCalendar();
    expect(Object.is(c.workdaysBetween('2021-10-08', '2021-10-08'), 0)).toBe(true);
    expect(Object.is(c.workdaysBetween('2021-10-02', '2021-10-02'), 0)).toBe(true);
    expect(c.addWorkdays('2021-10-02', 0)).toBe('2021-10-02');
  });

  it('says in both languages which year it cannot serve', () => {
    const error = (() => {
      try {
        new WorkdayCalendar().isWorkday('2150-01-05');
      } catch (e) {
        return e as CalendarYearUnavailableError;
      }
      throw new Error('no error thrown');
    })();
    expect(error).toBeInstanceOf(CalendarYearUnavailableError);
    expect(error.name).toBe('CalendarYearUnavailableError');
    expect(error.year).toBe(2150);
    expect(error.message).toBe(
      '工作日历只支持 2000–2099 年，2150 年不在范围内 / The workday calendar serves 2000-2099; 2150 is outside it',
    );
  });

  it('says which day is no workday when asked for its end', () => {
    expect(() => new WorkdayCalendar().endOfWorkday('2021-10-01')).toThrow(
      new RangeError('2021-10-01 is not a workday'),
    );
  });
});
