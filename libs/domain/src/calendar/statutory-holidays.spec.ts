import chineseDays from 'chinese-days/dist/chinese-days.json';
import { statutoryDates, statutoryHolidays } from './statutory-holidays';

describe('statutory holidays (全国年节及纪念日放假办法)', () => {
  it('gives 2027 by the 2024 revision: 春节 除夕 to 初三, 劳动节 two days, 13 days in all', () => {
    const h = Object.fromEntries(statutoryHolidays(2027).map((x) => [x.name, x.dates]));
    expect(h['元旦']).toEqual(['2027-01-01']);
    expect(h['春节']).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']);
    expect(h['清明节']).toEqual(['2027-04-05']);
    expect(h['劳动节']).toEqual(['2027-05-01', '2027-05-02']);
    expect(h['端午节']).toEqual(['2027-06-09']);
    expect(h['中秋节']).toEqual(['2027-09-15']);
    expect(h['国庆节']).toEqual(['2027-10-01', '2027-10-02', '2027-10-03']);
    expect(statutoryDates(2027)).toHaveLength(13);
  });

  it('uses the law in force: 11 days 2014–2024,春节 from 除夕 2008–2013, no 清明/端午/中秋 before 2008', () => {
    expect(statutoryDates(2021)).toHaveLength(11);
    expect(statutoryHolidays(2021).find((x) => x.name === '春节')!.dates).toEqual([
      '2021-02-12',
      '2021-02-13',
      '2021-02-14',
    ]);
    expect(statutoryHolidays(2010).find((x) => x.name === '春节')!.dates[0]).toBe('2010-02-13'); // 除夕
    expect(statutoryHolidays(2005).map((x) => x.name)).toEqual(['元旦', '春节', '劳动节', '国庆节']);
  });

  // Every notice since 2008 grants at least the statutory days: each is a day off in the data package
  // (which leaves out some weekend days of a holiday block, so those are days off anyway).
  const official = new Set(Object.keys(chineseDays.holidays));
  const workdays = new Set(Object.keys(chineseDays.workdays));
  const weekend = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
  it.each(Array.from({ length: 2026 - 2008 + 1 }, (_, i) => 2008 + i))('agrees with the notice of %i', (year) => {
    const dayOff = (d: string) => official.has(d) || (weekend(d) && !workdays.has(d));
    expect(statutoryDates(year).filter((d) => !dayOff(d))).toEqual([]);
  });
});
