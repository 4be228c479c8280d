import { Injectable } from '@nestjs/common';
import { CALENDAR_YEARS, calendarServesYear } from '@duban/domain/calendar/calendar-range';
import { CalendarYear, CalendarYearStatus, provisionalYear } from '@duban/domain/calendar/calendar-year';
import { checkCalendarYear } from '@duban/domain/calendar/calendar-year-validation';
import { parseHolidayNotice } from '@duban/domain/calendar/holiday-notice';
import { isIsoDate, shanghaiDate } from '@duban/domain/calendar/shanghai-time';
import { statutoryHolidays, StatutoryHoliday } from '@duban/domain/calendar/statutory-holidays';
import { BadInputError } from '@duban/domain/errors/domain-error';
import { CalendarStore } from '@duban/persistence/calendar/calendar-store';
import { CalendarReplanner, ReplanResult } from './calendar-replanner';
import { CalendarYearBody } from './calendar.dto';

export interface CalendarYearView {
  year: number;
  status: CalendarYearStatus;
  holidays: string[];
  makeupWorkdays: string[];
  docNumber: string | null;
  issuedOn: string | null;
  note: string | null;
  revision: number | null;
  updatedAt: string | null;
  /** The festivals of the law for this year, to compare with. */
  statutory: StatutoryHoliday[];
  /** What a second look should check (for the stored data). */
  warnings: string[];
}

export interface CalendarPreview {
  year: number;
  holidays: string[];
  makeupWorkdays: string[];
  docNumber: string | null;
  errors: string[];
  /** The form's fields the errors are about (the entry form marks them). */
  invalid: string[];
  warnings: string[];
}

export interface CalendarSaveResult extends CalendarPreview {
  revision: number;
  replanned: ReplanResult;
}

/** The year that needs its notice now, for the warning on the overview; null when all is entered. */
export interface CalendarGap {
  year: number;
  message: string;
}

/** Months (Shanghai) from which next year's missing notice is warned about: notices come in November. */
const WARN_FROM_MONTH = 10;

/**
 * The workday calendar as the bureau manages it: years and their status, a notice read and checked,
 * entered (audited, cached calendars refreshed) and applied to the running tasks.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly store: CalendarStore,
    private readonly replanner: CalendarReplanner,
  ) {}

  /** Every stored year, and the provisional ones around now. */
  async years(now = new Date()): Promise<CalendarYearView[]> {
    const stored = new Map((await this.store.years()).map((y) => [y.year, y]));
    const current = Number(shanghaiDate(now).slice(0, 4));
    for (const y of [current - 1, current, current + 1, current + 2]) {
      if (!stored.has(y) && calendarServesYear(y))
        stored.set(y, { ...provisionalYear(y), revision: 0, updatedBy: null, updatedAt: '' });
    }
    return [...stored.values()].sort((a, b) => b.year - a.year).map((y) => this.view(y));
  }

  async year(year: number): Promise<CalendarYearView> {
    assertServed(year);
    const stored = await this.store.year(year);
    return this.view(stored ?? { ...provisionalYear(year), revision: 0, updatedBy: null, updatedAt: '' });
  }

  /** Reads (the notice text, unless lists are given) and checks an entry without storing it. */
  preview(year: number, body: CalendarYearBody): CalendarPreview {
    assertServed(year);
    const parsed = body.noticeText ? parseHolidayNotice(body.noticeText, year) : null;
    const holidays = cleanDates(body.holidays) ?? parsed?.holidays ?? [];
    const makeupWorkdays = cleanDates(body.makeupWorkdays) ?? parsed?.makeupWorkdays ?? [];
    const check = checkCalendarYear({ year, holidays, makeupWorkdays });
    const errors = [...check.errors];
    const invalid: string[] = [...check.invalid];
    if (holidays.length === 0) {
      errors.push('没有放假日期：请粘贴通知正文或逐行填写放假日期');
      invalid.push(body.noticeText ? 'noticeText' : 'holidays');
    }
    if (body.issuedOn && !isIsoDate(body.issuedOn)) {
      errors.push(`发布日期“${body.issuedOn}”不是有效日期`);
      invalid.push('issuedOn');
    }
    return {
      year,
      holidays: [...new Set(holidays)].sort(),
      makeupWorkdays: [...new Set(makeupWorkdays)].sort(),
      docNumber: body.docNumber?.trim() || parsed?.docNumber || null,
      errors,
      invalid,
      warnings: [...(parsed?.warnings ?? []), ...check.warnings],
    };
  }

  /** Enters a year's notice: checked, stored as official (audited), then applied to the open tasks. */
  async save(
    year: number,
    body: CalendarYearBody,
    actor: { id: string; role: string | null; unitCode: string | null },
  ): Promise<CalendarSaveResult> {
    const preview = this.preview(year, body);
    if (preview.errors.length > 0) {
      throw new BadInputError(
        'CALENDAR_INVALID',
        `${year} 年节假日安排有误：${preview.errors.join('；')}`,
        `The ${year} holiday arrangement is invalid: ${preview.errors.length} problem(s)`,
        { errors: preview.errors, warnings: preview.warnings },
      );
    }
    const entry: CalendarYear = {
      year,
      status: 'official',
      holidays: preview.holidays,
      makeupWorkdays: preview.makeupWorkdays,
      source: { docNumber: preview.docNumber, issuedOn: body.issuedOn ?? null, note: null },
    };
    const { revision } = await this.store.save(entry, actor);
    const replanned = await this.replanner.replan({ years: [year], revision });
    return { ...preview, revision, replanned };
  }

  /**
   * The year whose notice is missing now: this year if it is still provisional, and from October
   * next year too (the State Council publishes it in November).
   */
  async gap(now = new Date()): Promise<CalendarGap | null> {
    const calendar = await this.store.calendar();
    const today = shanghaiDate(now);
    const current = Number(today.slice(0, 4));
    const candidates = Number(today.slice(5, 7)) >= WARN_FROM_MONTH ? [current, current + 1] : [current];
    const year = candidates.find((y) => calendarServesYear(y) && calendar.statusOf(y) === 'provisional');
    return year === undefined ? null : { year, message: `${year} 年节假日安排尚未录入（当前按暂定日历）` };
  }

  /** Whether the instant falls in a provisional year: its workday arithmetic may still move. */
  async provisionalYears(instants: (string | Date | null)[]): Promise<Set<number>> {
    const calendar = await this.store.calendar();
    const years = new Set<number>();
    for (const i of instants) {
      if (!i) continue;
      const year = Number(shanghaiDate(i).slice(0, 4));
      if (calendarServesYear(year) && calendar.statusOf(year) === 'provisional') years.add(year);
    }
    return years;
  }

  /** The latest year entered from a notice (for /health). */
  async lastOfficialYear(): Promise<number | null> {
    return (await this.store.calendar()).lastOfficialYear();
  }

  private view(y: CalendarYear & { revision: number; updatedAt: string }): CalendarYearView {
    const check = checkCalendarYear(y);
    return {
      year: y.year,
      status: y.status,
      holidays: y.holidays,
      makeupWorkdays: y.makeupWorkdays,
      docNumber: y.source?.docNumber ?? null,
      issuedOn: y.source?.issuedOn ?? null,
      note: y.source?.note ?? null,
      revision: y.revision || null,
      updatedAt: y.updatedAt || null,
      statutory: statutoryHolidays(y.year),
      warnings: y.status === 'official' ? check.warnings : [],
    };
  }
}

function assertServed(year: number): void {
  if (!calendarServesYear(year)) {
    throw new BadInputError(
      'CALENDAR_YEAR_OUT_OF_RANGE',
      `年份须在 ${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last} 之间`,
      `The year must lie in ${CALENDAR_YEARS.first}-${CALENDAR_YEARS.last}`,
    );
  }
}

/** Dates as typed in a form (one per line, commas, spaces): trimmed, empties dropped; null when none given. */
function cleanDates(values: string[] | undefined): string[] | null {
  if (!values) return null;
  const out = values
    .flatMap((v) => v.split(/[\s,，、;；]+/))
    .map((v) => v.trim())
    .filter(Boolean);
  return out.length > 0 ? out : null;
}
