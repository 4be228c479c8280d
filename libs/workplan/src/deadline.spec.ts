import { parseDeadline, parseDeadlines } from './deadline';

describe('deadlines', () => {
  const date = (d: string, raw: string) => ({ kind: 'date', date: d, defaulted: false, raw });

  it.each([
    ['完成时限:2021年6月底前', date('2021-06-30', '2021年6月底前')],
    ['完成时限:2022年11月30日前', date('2022-11-30', '2022年11月30日前')],
    ['时间节点:9月底', date('2021-09-30', '9月底')],
    ['完成时限:年底前', date('2021-12-31', '年底前')],
    ['完成时限:上半年', date('2021-06-30', '上半年')],
    ['完成时限:第三季度末', date('2021-09-30', '第三季度末')],
    ['完成时限:每季度', { kind: 'recurring', every: 'quarter', defaulted: false, raw: '每季度' }],
    ['时间节点:每月', { kind: 'recurring', every: 'month', defaulted: false, raw: '每月' }],
    ['完成时限:长期坚持', { kind: 'ongoing', defaulted: false, raw: '长期坚持' }],
  ])('reads the field %s', (text, expected) => {
    expect(parseDeadline(`某事项。(责任单位:水气股;${text})`, 2021)).toEqual(expected);
  });

  it('reads plain phrases that set a deadline', () => {
    expect(parseDeadline('2021年6月底前完成方案编制。', 2021)).toEqual(date('2021-06-30', '2021年6月底前'));
    expect(parseDeadline('年底前完成验收。', 2021)).toEqual(date('2021-12-31', '年底前'));
    expect(parseDeadline('每季度报送进展。', 2021)).toMatchObject({ kind: 'recurring', every: 'quarter' });
    expect(parseDeadline('此项工作长期坚持。', 2021)).toMatchObject({ kind: 'ongoing' });
  });

  it('does not take dates in the body for deadlines', () => {
    const defaulted = { kind: 'date', date: '2021-12-31', defaulted: true, raw: '' };
    expect(parseDeadline('锚定到2025年远景目标,做好2021年中央资金申报。', 2021)).toEqual(defaulted);
    expect(parseDeadline('巩固每月一次的例会成果,常态化疫情防控。', 2021)).toEqual(defaulted);
  });

  it('keeps impossible dates inside the month', () => {
    expect(parseDeadline('完成时限:2021年2月30日前', 2021)).toMatchObject({ date: '2021-02-28' });
  });
});

describe('deadline forms of tables and 2027 plans', () => {
  const keys = (text: string, year = 2027) =>
    parseDeadlines(text, year).map((d) => (d.defaulted ? 'default' : (d.date ?? d.every ?? d.kind)));

  it.each([
    ['完成时限:2027.8', ['2027-08-31']],
    ['完成时限:2027.10.15', ['2027-10-15']],
    ['完成时限:2027-03-31', ['2027-03-31']],
    ['完成时限:12月中旬', ['2027-12-20']],
    ['完成时限:11月上旬', ['2027-11-10']],
    ['完成时限:2027年度', ['2027-12-31']],
    ['完成时限:当年完成', ['2027-12-31']],
    ['完成时限:2027年至2028年', ['2028-12-31']],
    ['完成时限:2027年6月—12月', ['2027-12-31']],
    ['完成时限:3-5月', ['2027-05-31']],
    ['完成时限:常年', ['ongoing']],
    ['完成时限:按上级要求', ['default']],
    ['次年3月底前完成评估', ['2028-03-31']],
    ['上半年制定攻坚方案，9月底前完成深度治理', ['2027-06-30', '2027-09-30']],
  ])('%s', (text, expected) => {
    expect(keys(text)).toEqual(expected);
  });

  it('does not take a span of years (2024-2025) for a month', () => {
    expect(keys('完成时限:2024-2025', 2025)).toEqual(['2025-12-31']);
  });

  it('reads 常态化开展 before a closing responsibility clause as ongoing', () => {
    expect(keys('严格落实污染地块准入管理。常态化开展。【牵头股室:土壤固废股】')).toEqual(['ongoing']);
  });
});
