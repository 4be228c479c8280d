import chineseDays from 'chinese-days/dist/chinese-days.json';
import { checkCalendarYear } from './calendar-year-validation';
import { parseHolidayNotice } from './holiday-notice';

// 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）, the arrangements as published.
const NOTICE_2026 = `国务院办公厅关于2026年部分节假日安排的通知
国办发明电〔2025〕7号
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。`;

const ofYear = (dates: string[], year: number) => dates.filter((d) => d.startsWith(`${year}-`)).sort();

describe('holiday notice text', () => {
  it('reads the 2026 notice exactly as the data package has it', () => {
    const parsed = parseHolidayNotice(NOTICE_2026, 2026);
    expect(parsed.holidays).toEqual(ofYear(Object.keys(chineseDays.holidays), 2026));
    expect(parsed.makeupWorkdays).toEqual(ofYear(Object.keys(chineseDays.workdays), 2026));
    expect(parsed.docNumber).toBe('国办发明电〔2025〕7号');
    expect(parsed.warnings).toEqual([]);
    expect(checkCalendarYear({ year: 2026, ...parsed })).toEqual({ errors: [], invalid: [], warnings: [] });
  });

  it('reports 元旦 days of December as belonging to the year before, and single days and half-width text', () => {
    const parsed = parseHolidayNotice(
      '一、元旦:12月30日至1月1日放假调休,共3天。12月29日(周日)上班。二、清明节:4月5日放假。',
      2025,
    );
    expect(parsed.holidays).toEqual(['2025-01-01', '2025-04-05']);
    expect(parsed.warnings.join()).toContain('2024-12-30 属于 2024 年');
    expect(parsed.warnings.join()).toContain('2024-12-29');
  });
});

describe('checkCalendarYear', () => {
  it('refuses a make-up day on a weekday, a day both off and at work, and dates outside the year', () => {
    const r = checkCalendarYear({
      year: 2027,
      holidays: ['2027-01-01', '2027-02-06', '2028-01-01', '2027-02-31'],
      makeupWorkdays: ['2027-02-08', '2027-02-06'],
    });
    expect(r.errors.join('\n')).toMatch(/2027-02-08 不是周六或周日/);
    expect(r.errors.join('\n')).toMatch(/2027-02-06 不能既放假又调休上班/);
    expect(r.errors.join('\n')).toMatch(/2028-01-01 不在 2027 年内/);
    expect(r.errors.join('\n')).toMatch(/“2027-02-31”不是有效日期/);
    expect(r.invalid).toEqual(['holidays', 'makeupWorkdays']);
    // Only the list that is wrong is named.
    expect(checkCalendarYear({ year: 2027, holidays: ['2027-01-01'], makeupWorkdays: ['2027-02-08'] }).invalid).toEqual(
      ['makeupWorkdays'],
    );
  });

  it('warns about a statutory day left out, a far-off day and bridging without 调休', () => {
    const r = checkCalendarYear({ year: 2027, holidays: ['2027-01-01', '2027-07-15'], makeupWorkdays: [] });
    expect(r.errors).toEqual([]);
    expect(r.warnings.join('\n')).toMatch(/法定假日 2027-02-05（春节）未列为放假/);
    expect(r.warnings.join('\n')).toMatch(/2027-07-15 至 2027-07-15 的放假不连着任何法定节日/);
    expect(r.warnings.join('\n')).toMatch(
      /调休放假的工作日 1 天，应等于调休上班的周末 0 天加上法定假日逢周末的补休 6 天/,
    );
  });
});
