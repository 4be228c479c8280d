import { CalendarYearUnavailableError, WorkdayCalendar } from './workday-calendar';

const cal = new WorkdayCalendar();

describe('workday calendar', () => {
  it('knows the 2021 National Day holiday and its make-up workdays', () => {
    expect(cal.isWorkday('2021-10-01')).toBe(false);
    expect(cal.isWorkday('2021-10-07')).toBe(false);
    expect(cal.isWorkday('2021-10-08')).toBe(true);
    expect(cal.isWorkday('2021-09-26')).toBe(true); // Sunday, 调休
    expect(cal.isWorkday('2021-10-09')).toBe(true); // Saturday, 调休
    expect(cal.isWorkday('2021-10-10')).toBe(false);
  });

  it('counts workdays across the Spring Festival with its make-up Sundays', () => {
    expect(cal.isWorkday('2021-02-07')).toBe(true);
    expect(cal.isWorkday('2021-02-11')).toBe(false);
    expect(cal.addWorkdays('2021-02-10', 1)).toBe('2021-02-18');
    expect(cal.addWorkdays('2021-02-18', -1)).toBe('2021-02-10');
  });

  it('adds and subtracts workdays around 2021-10-08', () => {
    expect(cal.addWorkdays('2021-10-08', -1)).toBe('2021-09-30');
    expect(cal.addWorkdays('2021-10-08', -3)).toBe('2021-09-28');
    expect(cal.addWorkdays('2021-10-08', -5)).toBe('2021-09-26');
    expect(cal.addWorkdays('2021-10-08', 1)).toBe('2021-10-09');
    expect(cal.addWorkdays('2021-10-08', 3)).toBe('2021-10-12');
    expect(cal.addWorkdays('2021-10-08', 5)).toBe('2021-10-14');
    expect(cal.workdaysBetween('2021-09-30', '2021-10-08')).toBe(1);
    expect(cal.workdaysBetween('2021-10-08', '2021-09-30')).toBe(-1);
  });

  it('moves a due date off a holiday to the workday before, at 17:30 Shanghai time', () => {
    expect(cal.onOrBeforeWorkday('2021-10-03')).toBe('2021-09-30');
    expect(cal.dueInstant('2021-10-08').toISOString()).toBe('2021-10-08T09:30:00.000Z');
    expect(cal.dueInstant('2021-12-31').toISOString()).toBe('2021-12-31T09:30:00.000Z');
  });

  it('refuses a year it has no data for', () => {
    expect(() => cal.isWorkday('2031-03-02')).toThrow(CalendarYearUnavailableError);
    expect(() => cal.addWorkdays('2026-12-30', 5)).toThrow(/2027/);
  });
});
