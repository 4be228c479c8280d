import { CALENDAR_YEARS, calendarServesYear } from './calendar-range';
import { CalendarYear } from './calendar-year';
import { addDays, isIsoDate, weekday } from './shanghai-time';
import { statutoryHolidays } from './statutory-holidays';

export interface CalendarYearCheck {
  /** What makes the entry wrong: it is refused. */
  errors: string[];
  /** The lists the errors are about, for a form to mark them. */
  invalid: ('holidays' | 'makeupWorkdays')[];
  /** What is unusual: shown for a second look, the entry is still taken. */
  warnings: string[];
}

const weekend = (d: string) => weekday(d) === 0 || weekday(d) === 6;

/** The entered days off grouped into runs, each run widened by the days off next to it. */
function blocksOf(holidays: string[], isOff: (d: string) => boolean): string[][] {
  const blocks: string[][] = [];
  const seen = new Set<string>();
  for (const start of [...holidays].sort()) {
    if (seen.has(start)) continue;
    const block: string[] = [];
    let d = start;
    while (isOff(addDays(d, -1))) d = addDays(d, -1);
    for (; isOff(d); d = addDays(d, 1)) {
      block.push(d);
      seen.add(d);
    }
    blocks.push(block);
  }
  return blocks;
}

/**
 * Checks a year's notice as an admin entered it. Errors: dates that are not real dates or not in
 * the year, a make-up workday that is not a weekend day, a day both off and a make-up workday,
 * a year outside the calendar's range. Warnings: a statutory day not given off, days off that do
 * not join any festival, and bridged weekdays that do not add up to the make-up workdays plus
 * the days in lieu of statutory days falling on a weekend.
 */
export function checkCalendarYear(
  entry: Pick<CalendarYear, 'year' | 'holidays' | 'makeupWorkdays'>,
): CalendarYearCheck {
  const errors: string[] = [];
  const invalid = new Set<CalendarYearCheck['invalid'][number]>();
  const fail = (list: CalendarYearCheck['invalid'][number], message: string) => {
    errors.push(message);
    invalid.add(list);
  };
  const warnings: string[] = [];
  const { year } = entry;
  if (!calendarServesYear(year)) {
    return { errors: [`年份须在 ${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last} 之间`], invalid: [], warnings };
  }
  const good = (list: CalendarYearCheck['invalid'][number], what: string) => (d: string) => {
    if (!isIsoDate(d)) fail(list, `${what}“${d}”不是有效日期（应为 YYYY-MM-DD）`);
    else if (!d.startsWith(`${year}-`)) fail(list, `${what} ${d} 不在 ${year} 年内`);
    else return true;
    return false;
  };
  const holidays = [...new Set(entry.holidays)].filter(good('holidays', '放假日期'));
  const makeup = [...new Set(entry.makeupWorkdays)].filter(good('makeupWorkdays', '调休上班日期'));
  for (const d of makeup) {
    if (!weekend(d)) fail('makeupWorkdays', `调休上班日 ${d} 不是周六或周日（本来就是工作日）`);
    if (holidays.includes(d)) fail('makeupWorkdays', `${d} 不能既放假又调休上班`);
  }
  if (errors.length > 0) return { errors, invalid: [...invalid], warnings };

  const festivals = statutoryHolidays(year);
  const statutory = festivals.flatMap((f) => f.dates.map((date) => ({ date, name: f.name })));
  const statutoryDays = new Set(statutory.map((s) => s.date));
  for (const s of statutory) {
    if (!holidays.includes(s.date)) warnings.push(`法定假日 ${s.date}（${s.name}）未列为放假，请核对通知`);
  }
  // A run of days off (weekends around it included) with no festival in it is not bridging.
  const off = new Set(holidays);
  const isOff = (d: string) => off.has(d) || (weekend(d) && !makeup.includes(d));
  // Next year's 元旦 often begins in late December of this one.
  const nextNewYear = `${year + 1}-01-01`;
  for (const block of blocksOf(holidays, isOff)) {
    if (!block.some((d) => statutoryDays.has(d)) && addDays(block[block.length - 1], 1) !== nextNewYear) {
      warnings.push(`${block[0]} 至 ${block[block.length - 1]} 的放假不连着任何法定节日，请核对`);
    }
  }
  // A notice trades bridged weekdays for weekend make-up days one for one, plus a day in lieu
  // (补休) for each statutory day that falls on a weekend.
  const bridged = holidays.filter((d) => !weekend(d) && !statutoryDays.has(d)).length;
  const inLieu = statutory.filter((s) => weekend(s.date)).length;
  if (bridged !== makeup.length + inLieu) {
    warnings.push(
      `调休放假的工作日 ${bridged} 天，应等于调休上班的周末 ${makeup.length} 天加上法定假日逢周末的补休 ${inLieu} 天，请核对`,
    );
  }
  return { errors, invalid: [], warnings };
}
