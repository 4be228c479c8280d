import { Lunar, Solar } from 'lunar-typescript';

/** One festival's days off as the law grants them (before any bridging or 调休 of a notice). */
export interface StatutoryHoliday {
  name: string;
  dates: string[];
}

const iso = (s: Solar) => s.toYmd();
const ymd = (year: number, month: number, day: number) => iso(Solar.fromYmd(year, month, day));
/** `n` consecutive days from a solar day. */
const run = (from: Solar, n: number) => Array.from({ length: n }, (_, i) => iso(from.next(i)));

/**
 * The days off of 全国年节及纪念日放假办法 for a year, by the version of the law in force:
 * - from 2025 (revised 2024): 元旦 1; 春节 4 (除夕 to 初三); 清明 1; 劳动节 2 (5-1, 5-2); 端午 1; 中秋 1; 国庆 3;
 * - 2014–2024: 春节 3 (初一 to 初三), 劳动节 1, otherwise the same;
 * - 2008–2013: 春节 3 (除夕 to 初二);
 * - before 2008: 元旦 1, 春节 3 (初一 to 初三), 劳动节 3, 国庆 3; no 清明, 端午, 中秋.
 * Lunar dates (春节, 端午, 中秋) and the solar term 清明 come from lunar-typescript.
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  const newYear = Lunar.fromYmd(year, 1, 1).getSolar();
  const eve = newYear.next(-1);
  const since2008 = year >= 2008;
  const spring = year >= 2025 ? run(eve, 4) : year >= 2014 || !since2008 ? run(newYear, 3) : run(eve, 3);
  const out: StatutoryHoliday[] = [
    { name: '元旦', dates: [ymd(year, 1, 1)] },
    { name: '春节', dates: spring },
  ];
  if (since2008) {
    const qingming = Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()['清明'];
    out.push({ name: '清明节', dates: [iso(qingming)] });
  }
  const mayDays = year >= 2025 ? 2 : since2008 ? 1 : 3;
  out.push({ name: '劳动节', dates: run(Solar.fromYmd(year, 5, 1), mayDays) });
  if (since2008) {
    out.push({ name: '端午节', dates: [iso(Lunar.fromYmd(year, 5, 5).getSolar())] });
    out.push({ name: '中秋节', dates: [iso(Lunar.fromYmd(year, 8, 15).getSolar())] });
  }
  out.push({ name: '国庆节', dates: run(Solar.fromYmd(year, 10, 1), 3) });
  return out;
}

/** Every statutory day off of a year, sorted. */
export function statutoryDates(year: number): string[] {
  return [...new Set(statutoryHolidays(year).flatMap((h) => h.dates))].sort();
}
