import { statutoryDates } from './statutory-holidays';

/**
 * official: entered from the State Council's notice (国务院办公厅关于…部分节假日安排的通知), holidays
 * bridged and 调休 make-up workdays included; provisional: the statutory days only, computed from the
 * law, no make-up workdays — what the calendar answers for a year until its notice is entered.
 */
export type CalendarYearStatus = 'official' | 'provisional';

/** Where a year's data came from. */
export interface CalendarYearSource {
  /** 文号, e.g. 国办发明电〔2025〕7号. */
  docNumber?: string | null;
  /** Date of the notice, YYYY-MM-DD. */
  issuedOn?: string | null;
  /** Free text: the data package it was seeded from, or how it was computed. */
  note?: string | null;
}

/** One year of the workday calendar: its days off and 调休 make-up workdays ('YYYY-MM-DD'). */
export interface CalendarYear {
  year: number;
  status: CalendarYearStatus;
  holidays: string[];
  makeupWorkdays: string[];
  source?: CalendarYearSource;
}

/** The provisional year: the statutory holidays of the law in force, nothing bridged, no 调休. */
export function provisionalYear(year: number): CalendarYear {
  return {
    year,
    status: 'provisional',
    holidays: statutoryDates(year),
    makeupWorkdays: [],
    source: { note: '按《全国年节及纪念日放假办法》推算的法定假日，未含调休（暂定）' },
  };
}
