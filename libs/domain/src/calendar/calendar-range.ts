/**
 * The years the workday calendar answers for: official years from the State Council notices,
 * provisional ones (statutory holidays computed from the law) for every other year in this range.
 * A date outside it is refused where it comes in (API, update validators, imports), so no task
 * ever asks the calendar a question it cannot answer.
 */
export const CALENDAR_YEARS = { first: 2000, last: 2099 } as const;

export function calendarServesYear(year: number): boolean {
  return Number.isInteger(year) && year >= CALENDAR_YEARS.first && year <= CALENDAR_YEARS.last;
}

/** Whether the calendar serves the year of a 'YYYY-MM-DD' date. */
export function calendarServes(date: string): boolean {
  return calendarServesYear(Number(date.slice(0, 4)));
}
