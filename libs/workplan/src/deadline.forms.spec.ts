import { parseDeadline, parseDeadlines } from './deadline';

/** Every deadline form the corpus and the 2027 drafts write, one row each (plan year 2027). */
const keys = (text: string, year = 2027) =>
  parseDeadlines(text, year).map((d) =>
    d.defaulted ? 'default' : d.kind === 'date' ? d.date : d.kind === 'recurring' ? `every ${d.every}` : 'ongoing',
  );
const key = (d: ReturnType<typeof parseDeadline>) => (d.defaulted ? 'default' : (d.date ?? d.every ?? d.kind));

describe('deadline fields, by label', () => {
  it.each([
    ['完成时限:2027年6月底前', '2027-06-30'],
    ['整改时限：2027年3月31日', '2027-03-31'],
    ['时间节点:9月底', '2027-09-30'],
    ['完成时间:6月30日', '2027-06-30'],
    ['办结时限:5月底', '2027-05-31'],
    ['时限要求:8月底前', '2027-08-31'],
    ['计划完成时间:2027年10月', '2027-10-31'],
    ['完成期限:第二季度', '2027-06-30'],
    ['时限:11月下旬', '2027-11-30'],
    ['完成时限 7月15日', '2027-07-15'],
  ])('%s', (field, expected) => {
    expect(keys(`某项工作。(责任单位:水气股;${field})`)).toEqual([expected]);
  });

  it('reads a field to its end only, and then ignores the running text', () => {
    expect(keys('12月底前完成验收。(完成时限:7月底;备注:材料10月底前报送)')).toEqual(['2027-07-31']);
    expect(keys('完成时限:6月底）12月底前完成')).toEqual(['2027-06-30']);
    expect(keys('完成时限:6月底】12月底前完成')).toEqual(['2027-06-30']);
    expect(keys('完成时限:6月底]12月底前完成')).toEqual(['2027-06-30']);
    expect(keys('完成时限:6月底。12月底前完成')).toEqual(['2027-06-30']);
    expect(keys('完成时限:6月底；12月底前完成')).toEqual(['2027-06-30']);
    expect(keys('完成时限:6月底\n12月底前完成')).toEqual(['2027-06-30']);
  });

  it('falls back to the running text when a field is empty', () => {
    expect(keys('完成时限:;9月底前完成验收')).toEqual(['2027-09-30']);
    expect(keys('完成时限:  。9月底前完成验收')).toEqual(['2027-09-30']);
  });

  it('reads a field generously: a date without 前 or a verb counts', () => {
    expect(keys('时限:2027年8月')).toEqual(['2027-08-31']);
    expect(keys('时限:全年')).toEqual(['2027-12-31']);
    expect(keys('时限:每年')).toEqual(['every year']);
    expect(keys('时限:持续推进')).toEqual(['ongoing']);
    expect(keys('时限:常态化')).toEqual(['ongoing']);
  });
});

describe('deadline years', () => {
  it.each([
    ['2028年6月30日前完成', '2028-06-30'],
    ['明年6月底前完成', '2027-06-30'],
    ['今年6月底前完成', '2027-06-30'],
    ['本年6月底前完成', '2027-06-30'],
    ['当年6月底前完成', '2027-06-30'],
    ['次年6月底前完成', '2028-06-30'],
    ['2028年 3 月 5 日前完成', '2028-03-05'],
  ])('%s', (text, expected) => {
    expect(keys(text)).toEqual([expected]);
  });
});

describe('date phrases in running text', () => {
  it.each([
    // dotted, slashed and dashed dates
    ['完成时限:2027.8', ['2027-08-31']],
    ['完成时限:2027/8', ['2027-08-31']],
    ['完成时限:2027．8', ['2027-08-31']],
    ['完成时限:2027-02', ['2027-02-28']],
    ['完成时限:2027.1.5', ['2027-01-05']],
    ['完成时限:2027 . 9 . 30', ['2027-09-30']],
    ['完成时限:2027.13', ['default']],
    ['完成时限:2027.0', ['default']],
    // ranges of months: their end
    ['6~9月完成', ['2027-09-30']],
    ['3至5月底前完成', ['2027-05-31']],
    ['4到6月完成', ['2027-06-30']],
    ['完成时限:7－8月', ['2027-08-31']],
    ['2028年3-5月份完成', ['2028-05-31']],
    // months
    ['6月底前完成', ['2027-06-30']],
    ['5月末前完成', ['2027-05-31']],
    ['7月份建成', ['2027-07-31']],
    ['11月上旬完成', ['2027-11-10']],
    ['11月中旬完成', ['2027-11-20']],
    ['11月下旬完成', ['2027-11-30']],
    ['2月底前完成', ['2027-02-28']],
    ['2028年2月底前完成', ['2028-02-29']],
    // ranges of years: the last year's end
    ['2027到2029年完成', ['2029-12-31']],
    ['完成时限:2027—2028', ['2028-12-31']],
    ['完成时限:2027~2028年', ['2028-12-31']],
    // year end
    ['年底前完成验收', ['2027-12-31']],
    ['年内完成验收', ['2027-12-31']],
    ['年末前完成', ['2027-12-31']],
    ['2028年底前完成', ['2028-12-31']],
    ['全年完成造林1000亩', ['2027-12-31']],
    ['全年实现零事故', ['2027-12-31']],
    ['到2027年,全区空气优良率达到90%', ['2027-12-31']],
    ['力争,到2028年,全区建成智慧监测网', ['2028-12-31']],
    ['力争到2028年,全区建成智慧监测网', ['default']], // 到 only after a pause: not 达到2028年
    ['2027年度内完成', ['2027-12-31']],
    ['年度内完成', ['2027-12-31']],
    ['当年完成', ['2027-12-31']],
    // half years
    ['上半年完成', ['2027-06-30']],
    ['下半年完成', ['2027-12-31']],
    ['2028年上半年完成', ['2028-06-30']],
    ['次年下半年完成', ['2028-12-31']],
    // quarters
    ['第一季度完成', ['2027-03-31']],
    ['第四季度底前完成', ['2027-12-31']],
    ['3季度末前完成', ['2027-09-30']],
    ['完成时限:2季度', ['2027-06-30']],
    ['第二季度:完成方案编制;第三季度:完成施工', ['2027-06-30', '2027-09-30']],
  ])('%s', (text, expected) => {
    expect(keys(text)).toEqual(expected);
  });

  it.each([
    ['6月底之前完成', '6月底之前'],
    ['6月底以前完成', '6月底以前'],
    ['年底前完成', '年底前'],
    ['8月份建成', '8月份'],
    ['2027年9月30日 前 完成', '2027年9月30日前'],
  ])('keeps %s as written', (text, raw) => {
    expect(parseDeadline(text, 2027).raw).toBe(raw);
  });
});

describe('what running text must say for a date to be a deadline', () => {
  it.each([
    ['6月30日召开推进会', '2027-06-30'],
    ['6月底前', '2027-06-30'],
    ['6月底全面完成', '2027-06-30'],
    ['6月底基本建成', '2027-06-30'],
    ['6月底投入使用', '2027-06-30'],
    ['6月底力争印发', '2027-06-30'],
    ['6月底确保实现', '2027-06-30'],
    ['6月底 上线', '2027-06-30'],
  ])('%s is one', (text, expected) => {
    expect(keys(text)).toEqual([expected]);
  });

  it.each([
    ['6月30日的会议精神'],
    ['做好2027年6月环境日宣传'],
    ['全年空气优良天数比例稳定'],
    ['到2035年,生态环境根本好转'],
    ['到2026年,目标已基本实现'],
    ['巩固2027年成果'],
  ])('%s is none', (text) => {
    expect(keys(text)).toEqual(['default']);
  });

  it('takes a quarter followed by a colon for a milestone, and nothing else followed by one', () => {
    expect(keys('第二季度 :完成方案')).toEqual(['2027-06-30']);
    expect(keys('第二季度的工作要点:略')).toEqual(['default']);
    expect(keys('6月30日:市委会议')).toEqual(['default']);
  });

  it('takes 全年 for a deadline only when a verb of completion follows within three characters', () => {
    expect(keys('全年共完成造林1000亩')).toEqual(['2027-12-31']);
    expect(keys('全年空气质量持续改善实现')).toEqual(['default']);
  });

  it('reads 前 only right after the date, and the date without the space before it', () => {
    expect(parseDeadline('6月底完成验收前', 2027).raw).toBe('6月底');
    expect(parseDeadline('于 6月底前完成', 2027).raw).toBe('6月底前');
  });

  it('skips an impossible month: the item keeps the plan year end, marked defaulted', () => {
    expect(parseDeadline('完成时限:2027.13', 2027)).toEqual({
      kind: 'date',
      date: '2027-12-31',
      defaulted: true,
      raw: '',
    });
  });

  it('skips a date written after 每 (a period, not a day)', () => {
    expect(keys('每年底前报送年度总结')).toEqual(['every year']);
  });
});

describe('recurring and ongoing deadlines', () => {
  it.each([
    ['每半年报告一次', 'every half-year'],
    ['每年开展一次评估', 'every year'],
    ['每月通报进展', 'every month'],
    ['每个月报送台账', 'every month'],
    ['每季度调度', 'every quarter'],
    ['每季开展检查', 'every quarter'],
  ])('%s', (text, expected) => {
    expect(keys(text)).toEqual([expected]);
  });

  it('keeps two periods named in two fields', () => {
    expect(keys('完成时限:每月;时间节点:每季度')).toEqual(['every month', 'every quarter']);
  });

  it('reads a duty only at the start of the clause after the period', () => {
    expect(keys('每年新增造林面积和森林抚育面积1000亩以上并组织检查')).toEqual(['default']);
  });

  it('takes a rate or a habit for no deadline', () => {
    expect(keys('每年新增造林面积1000亩')).toEqual(['default']);
    expect(keys('每月一次的例会成果')).toEqual(['default']);
  });

  it('records only the first period an item names', () => {
    expect(keys('每月通报进展,每季度调度')).toEqual(['every month']);
  });

  it.each([
    ['此项工作长期坚持', ['ongoing']],
    ['发现问题立行立改', ['ongoing']],
    ['强化巡查,持续推进。', ['ongoing']],
    ['强化巡查,持续推进整改。(责任单位:执法分局)', ['ongoing']],
    ['强化巡查,常态化推进。', ['ongoing']],
    ['强化巡查,常态化开展。【牵头股室:执法分局】', ['ongoing']],
    ['强化巡查,持续开展', ['ongoing']],
    ['强化巡查,常态化。', ['ongoing']],
    ['强化巡查,持续推进(责任单位:执法分局)。', ['ongoing']],
    ['强化巡查,持续推进(责任单位:执法分局) ', ['ongoing']],
    ['强化巡查,持续推进))', ['ongoing']],
    ['持续推进交通结构转变', ['default']],
    ['常态化监管企业排污', ['default']],
  ])('%s', (text, expected) => {
    expect(keys(text)).toEqual(expected);
  });
});

describe('several deadlines of one item', () => {
  it('lists them in text order, each once, and the item keeps the last', () => {
    expect(keys('7月底前完成方案,12月底前完成验收,7月底前上报')).toEqual(['2027-07-31', '2027-12-31']);
    expect(key(parseDeadline('7月底前完成方案,12月底前完成验收', 2027))).toBe('2027-12-31');
    expect(keys('每季度调度,年底前完成')).toEqual(['every quarter', '2027-12-31']);
    expect(keys('长期坚持,每月通报')).toEqual(['ongoing', 'every month']);
  });

  it('defaults to the plan year end, marked defaulted, when the text states none', () => {
    expect(parseDeadline('加强宣传教育', 2031)).toEqual({ kind: 'date', date: '2031-12-31', defaulted: true, raw: '' });
  });

  it('keeps days and months inside the calendar', () => {
    expect(keys('完成时限:2027年2月30日')).toEqual(['2027-02-28']);
    expect(keys('完成时限:2027年4月0日')).toEqual(['2027-04-01']);
    expect(keys('完成时限:13月底')).toEqual(['2027-12-31']);
    expect(keys('完成时限:0月底')).toEqual(['2027-01-31']);
  });
});
