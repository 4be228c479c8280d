import { calendarDataOf, seedYears } from './calendar-data';
import { CalendarYearUnavailableError, WorkdayCalendar } from './workday-calendar';
import { addWorkdays, endOfWorkday, isWorkday, workdaysBetween } from './workdays';

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

  it('answers a year without a notice provisionally, and refuses a year outside its range', () => {
    expect(cal.statusOf(2026)).toBe('official');
    expect(cal.statusOf(2027)).toBe('provisional');
    expect(cal.addWorkdays('2026-12-30', 5)).toBe('2027-01-07'); // 12-31, (01-01 元旦), 01-04 … 01-07
    expect(cal.isWorkday('2027-02-08')).toBe(false); // 初三, statutory
    expect(cal.isWorkday('2027-02-09')).toBe(true); // not bridged: no notice yet
    expect(() => cal.isWorkday('2100-03-02')).toThrow(CalendarYearUnavailableError);
    expect(() => cal.isWorkday('1999-03-02')).toThrow(/2000–2099/);
  });
});

describe('workday calendar: Spring Festival, end of day, overrides', () => {
  it('treats the 2021 Spring Festival week as days off and its two 调休 weekend days as workdays', () => {
    // 2021-02-11..17 off; Sunday 02-07 and Saturday 02-20 are make-up workdays.
    for (const d of ['2021-02-11', '2021-02-12', '2021-02-15', '2021-02-17']) expect(cal.isWorkday(d)).toBe(false);
    expect(cal.isWorkday('2021-02-20')).toBe(true);
    // (02-05, 02-22]: 07 (调休), 08, 09, 10, 18, 19, 20 (调休), 22.
    expect(cal.workdaysBetween('2021-02-05', '2021-02-22')).toBe(8);
  });

  it('ends a workday at 17:30 Shanghai time and refuses a day off', () => {
    expect(cal.endOfWorkday('2021-09-26').toISOString()).toBe('2021-09-26T09:30:00.000Z');
    expect(() => cal.endOfWorkday('2021-10-01')).toThrow(RangeError);
  });

  it('offers the same arithmetic as plain functions over the bundled data', () => {
    expect(isWorkday('2021-10-09')).toBe(true);
    expect(addWorkdays('2021-10-08', -5)).toBe('2021-09-26');
    expect(workdaysBetween('2021-09-30', '2021-10-08')).toBe(1);
    expect(endOfWorkday('2021-10-08').toISOString()).toBe('2021-10-08T09:30:00.000Z');
    expect(() => isWorkday('2100-05-06')).toThrow(CalendarYearUnavailableError);
  });

  it('takes an entered year over the package, whose days win for that year alone', () => {
    const data = calendarDataOf([
      ...seedYears(),
      { year: 2027, status: 'official', holidays: ['2027-01-01'], makeupWorkdays: ['2027-01-03'] },
      { year: 2026, status: 'official', holidays: ['2026-09-27'], makeupWorkdays: [] },
    ]);
    const c = new WorkdayCalendar(data);
    expect(c.isWorkday('2027-01-01')).toBe(false); // Friday, New Year
    expect(c.isWorkday('2027-01-03')).toBe(true); // Sunday, 调休
    expect(c.isWorkday('2027-01-04')).toBe(true);
    expect(c.isWorkday('2026-09-27')).toBe(false); // the entered 2026 replaced the package's
    expect(c.isWorkday('2026-10-01')).toBe(true); // … all of it
    expect(c.statusOf(2027)).toBe('official');
    expect(c.lastOfficialYear()).toBe(2027);
  });
});
