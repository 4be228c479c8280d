/**
 * Asia/Shanghai is UTC+8 all year (no daylight saving), so calendar days and clock times convert
 * with a fixed offset. Dates are 'YYYY-MM-DD' strings; instants are Date or ISO strings.
 */
const OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 86_400_000;

export function parseIsoDate(date: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Whether `date` is a real calendar date written YYYY-MM-DD (2027-02-29 is not). */
export function isIsoDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The instant of a Shanghai wall-clock time on a date, e.g. ('2021-10-08', 17, 30). */
export function shanghaiInstant(date: string, hour = 0, minute = 0): Date {
  const { year, month, day } = parseIsoDate(date);
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - OFFSET_MS);
}

/** The Shanghai calendar date of an instant. */
export function shanghaiDate(instant: Date | string | number): string {
  const t = new Date(instant).getTime() + OFFSET_MS;
  return new Date(t).toISOString().slice(0, 10);
}

/** Beijing wall-clock time of an instant, the way it is shown to people: 2021-10-08 17:30. */
export function shanghaiDateTime(instant: Date | string | number): string {
  const t = new Date(instant).getTime() + OFFSET_MS;
  return new Date(t).toISOString().slice(0, 16).replace('T', ' ');
}

export function addDays(date: string, days: number): string {
  return new Date(shanghaiInstant(date).getTime() + OFFSET_MS + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}
