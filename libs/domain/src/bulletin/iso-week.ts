import { addDays, parseIsoDate, weekday } from '../calendar/shanghai-time';

/** The ISO week of a date: its key ("2021-W41") and its Monday. Bulletins are stored once per key. */
export function isoWeekOf(date: string): { week: string; monday: string } {
  const monday = addDays(date, -((weekday(date) + 6) % 7));
  // The ISO year is the year of the week's Thursday.
  const thursday = addDays(monday, 3);
  const { year } = parseIsoDate(thursday);
  const jan4 = `${year}-01-04`;
  const firstMonday = addDays(jan4, -((weekday(jan4) + 6) % 7));
  const days = Math.round((Date.parse(`${monday}T00:00:00Z`) - Date.parse(`${firstMonday}T00:00:00Z`)) / 86_400_000);
  return { week: `${year}-W${String(days / 7 + 1).padStart(2, '0')}`, monday };
}
