import { computeIndicatorStatus, IndicatorDefinition } from './indicator-standing';
import { IndicatorReadingView, QualitativeStatusView } from './indicator-status';

/**
 * Every comparator, method and boundary of the indicator standing, with the light and the reason a
 * supervisor reads: values exactly at the target and at the edge of the warning margin, lower- and
 * higher-is-better counts, the year end, no valid days, no target.
 */

const base: IndicatorDefinition = {
  indicatorId: 'i',
  planId: 'p',
  targetCode: '1',
  name: '指标',
  comparator: 'lte',
  target: 100,
  unit: '个',
  aspirational: false,
  qualitative: false,
  ownerUnit: null,
  period: 'quarterly',
  method: 'latest-value',
  year: 2027,
};
const quarters = (values: number[], extra: Partial<IndicatorReadingView> = {}): IndicatorReadingView[] =>
  values.map((value, i) => ({ period: `2027-Q${i + 1}`, value, enteredBy: null, enteredAt: 'x', ...extra }));
const standing = (over: Partial<IndicatorDefinition>, values: number[], asOf = '2027-07-05', margin = 0.05) =>
  computeIndicatorStatus({ ...base, ...over }, quarters(values), { asOf, margin });

describe('latest value against each comparator', () => {
  it.each([
    // comparator, value, light
    ['lte', 100, 'yellow'],
    ['lte', 96, 'yellow'],
    ['lte', 95, 'yellow'],
    ['lte', 94, 'green'],
    ['lte', 100.5, 'red'],
    ['lt', 100, 'red'],
    ['lt', 99, 'yellow'],
    ['lt', 94, 'green'],
    ['gte', 100, 'yellow'],
    ['gte', 105, 'yellow'],
    ['gte', 106, 'green'],
    ['gte', 99.9, 'red'],
    ['gt', 100, 'red'],
    ['gt', 101, 'yellow'],
    ['gt', 106, 'green'],
    ['eq', 100, 'yellow'],
    ['eq', 99, 'red'],
    ['eq', 110, 'green'],
  ] as const)('%s 100: %s → %s', (comparator, value, light) => {
    expect(standing({ comparator }, [value]).light).toBe(light);
  });

  it('says the comparator and the latest period in the reason', () => {
    expect(standing({ comparator: 'lt' }, [120, 99]).lightReason).toBe(
      '最近一期（2027-Q2）99个，接近目标<100个（预警幅度5%）',
    );
    expect(standing({ comparator: 'gt' }, [120]).lightReason).toBe('最近一期（2027-Q1）120个，目标>100个，进度正常');
    expect(standing({ comparator: 'gte' }, [80]).lightReason).toBe('最近一期（2027-Q1）80个，未达到目标≥100个');
    expect(standing({ comparator: 'lte' }, [80]).lightReason).toBe('最近一期（2027-Q1）80个，目标≤100个，进度正常');
    expect(standing({ comparator: 'lte' }, [80]).neededRemaining).toBeNull();
    expect(standing({ comparator: 'lte', unit: null }, [80]).lightReason).toBe(
      '最近一期（2027-Q1）80，目标≤100，进度正常',
    );
  });

  it('keeps the margin relative to the target, also for a negative one', () => {
    expect(standing({ comparator: 'lte', target: -10 }, [-10.4], undefined, 0.05).light).toBe('yellow');
    expect(standing({ comparator: 'lte', target: -10 }, [-10.6], undefined, 0.05).light).toBe('green');
    expect(standing({ comparator: 'gte' }, [101], undefined, 0).light).toBe('green');
    expect(standing({ comparator: 'gte' }, [100], undefined, 0).light).toBe('yellow');
  });
});

describe('cumulative counts', () => {
  const count = { method: 'cumulative-count' as const };

  it('higher is better: against the pro-rata schedule, the margin below it, the year end', () => {
    // Two of four quarters over at 2027-07-05: 50 expected.
    expect(standing({ ...count, comparator: 'gte' }, [25, 25])).toMatchObject({
      light: 'green',
      lightReason: '累计50个，按序时进度应完成50个，剩余2期还需完成50个',
      neededRemaining: 50,
    });
    expect(standing({ ...count, comparator: 'gte' }, [25, 20]).light).toBe('yellow');
    expect(standing({ ...count, comparator: 'gte' }, [25, 20]).lightReason).toBe(
      '累计45个，略低于序时进度：按序时进度应完成50个，剩余2期还需完成55个',
    );
    expect(standing({ ...count, comparator: 'gte' }, [25, 19.9]).light).toBe('red');
    expect(standing({ ...count, comparator: 'gte' }, [25, 19]).lightReason).toContain('落后于序时进度');
    expect(standing({ ...count, comparator: 'gte' }, [60, 40])).toMatchObject({
      light: 'green',
      lightReason: '累计100个，已达到目标≥100个',
      neededRemaining: null,
    });
    // More than 100 is not yet met at exactly 100: ahead of schedule, but not done.
    expect(standing({ ...count, comparator: 'gt' }, [60, 40]).lightReason).toBe(
      '累计100个，按序时进度应完成50个，剩余2期还需完成0个',
    );
    // After the last quarter ended, short is red.
    expect(standing({ ...count, comparator: 'gte' }, [30, 30, 30, 9], '2028-01-02')).toMatchObject({
      light: 'red',
      lightReason: '累计99个，年度已结束，未达到目标≥100个，尚差1个',
      neededRemaining: 1,
    });
    // On the last day of the year the last quarter has not ended.
    expect(standing({ ...count, comparator: 'gte' }, [30, 30, 30, 9], '2027-12-31').lightReason).not.toContain(
      '年度已结束',
    );
    // Before any quarter ended, nothing is behind schedule.
    expect(standing({ ...count, comparator: 'gte' }, [0], '2027-02-01').light).toBe('green');
  });

  it('lower is better (a cap): the allowance left, yellow within the margin, red past the cap', () => {
    expect(standing({ ...count, comparator: 'lte' }, [40, 30])).toMatchObject({
      ytd: 70,
      light: 'green',
      lightReason: '累计70个，目标≤100个，剩余额度30个',
      neededRemaining: 30,
    });
    expect(standing({ ...count, comparator: 'lte' }, [50, 45]).light).toBe('yellow');
    expect(standing({ ...count, comparator: 'lte' }, [50, 44]).light).toBe('green');
    expect(standing({ ...count, comparator: 'lte' }, [50, 50]).light).toBe('yellow');
    expect(standing({ ...count, comparator: 'lte' }, [50, 51])).toMatchObject({
      light: 'red',
      lightReason: '累计101个，已超出目标≤100个',
      neededRemaining: -1,
    });
    expect(standing({ ...count, comparator: 'lt' }, [50, 50]).light).toBe('red');
  });
});

describe('means and day ratios', () => {
  it('a lower-is-better mean: what the rest must average, impossible below zero', () => {
    const mean = { method: 'mean-of-monthly-means' as const, comparator: 'lte', target: 30, unit: 'μg/m³' };
    expect(standing(mean, [30, 30])).toMatchObject({ ytd: 30, light: 'yellow', neededRemaining: 30 });
    expect(standing(mean, [35, 35, 35])).toMatchObject({ light: 'red', neededRemaining: 15 });
    expect(standing(mean, [35, 35, 35]).lightReason).toBe(
      '年初至今均值35μg/m³，未达到目标≤30μg/m³；剩余1期均值需≤15μg/m³才能达标',
    );
    expect(standing(mean, [20, 20, 20, 20]).neededRemaining).toBeNull();
    expect(standing(mean, [60, 60, 10]).lightReason).toBe(
      '年初至今均值43.3μg/m³，剩余期数已无法达到目标≤30μg/m³；剩余1期均值需≤-10μg/m³才能达标',
    );
  });

  it('a higher-is-better mean is never impossible by the sign of what is needed', () => {
    const mean = { method: 'mean-of-monthly-means' as const, comparator: 'gte', target: 30 };
    expect(standing(mean, [90, 90, 90])).toMatchObject({ light: 'green', neededRemaining: -150 });
  });

  it('a day ratio with no valid days shows no light; lower-is-better ratios are impossible below 0 %', () => {
    const def = { ...base, method: 'ratio-of-days' as const, comparator: 'gte', target: 90, unit: '%' };
    const none = computeIndicatorStatus(def, quarters([0], { goodDays: 0, validDays: 0 }), {
      asOf: '2027-04-05',
      margin: 0.05,
    });
    expect(none).toMatchObject({ ytd: null, light: 'none', lightReason: '有效监测天数为0' });
    const missingCounts = computeIndicatorStatus(def, quarters([0]), { asOf: '2027-04-05', margin: 0.05 });
    expect(missingCounts.light).toBe('none');
    const cap = { ...def, comparator: 'lte', target: 5 };
    const over = computeIndicatorStatus(cap, quarters([0, 0, 0], { goodDays: 60, validDays: 90 }), {
      asOf: '2027-10-05',
      margin: 0.05,
    });
    expect(over.light).toBe('red');
    expect(over.lightReason).toContain('已无法达到');
    const all = computeIndicatorStatus(def, quarters([0, 0, 0, 0], { goodDays: 90, validDays: 90 }), {
      asOf: '2028-01-05',
      margin: 0.05,
    });
    expect(all).toMatchObject({ ytd: 100, light: 'green', neededRemaining: null });
    expect(all.lightReason).toBe('累计优良天数比例100%，目标≥90%，进度正常');
  });
});

describe('qualitative indicators and missing targets', () => {
  const q = { qualitative: true, comparator: null, target: null };
  const rated = (status: QualitativeStatusView['status'], note = '') =>
    computeIndicatorStatus({ ...base, ...q }, [], {
      asOf: '2027-06-01',
      margin: 0.05,
      qualitativeStatus: { status, note, by: 'supervisor', at: '2027-06-01T00:00:00Z' },
    });

  it.each([
    ['off-track', 'red', '督查室评定：进度滞后'],
    ['at-risk', 'yellow', '督查室评定：存在风险'],
    ['on-track', 'green', '督查室评定：推进正常'],
    ['achieved', 'green', '督查室评定：已完成'],
  ] as const)('%s shows %s', (status, light, reason) => {
    expect(rated(status)).toMatchObject({
      light,
      lightReason: reason,
      ytd: null,
      methodText: '定性目标：由督查室评定进展',
    });
  });

  it('is not rated until the supervisor rates it; a note is shown with the rating', () => {
    expect(computeIndicatorStatus({ ...base, ...q }, [], { asOf: '2027-06-01', margin: 0.05 })).toMatchObject({
      light: 'none',
      lightReason: '尚未评定',
      qualitativeStatus: null,
    });
    expect(rated('off-track', '资金未到位').lightReason).toBe('督查室评定：进度滞后（资金未到位）');
  });

  it('a reported indicator without a target has no light', () => {
    expect(standing({ target: null }, [5])).toMatchObject({ light: 'none', lightReason: '无量化目标', ytd: null });
    expect(standing({}, [])).toMatchObject({ light: 'none', lightReason: '尚无报送数据' });
  });

  it('readings of another year are not counted', () => {
    const s = computeIndicatorStatus(
      { ...base, comparator: 'lte' },
      [
        { period: '2026-Q4', value: 500, enteredBy: null, enteredAt: 'x' },
        { period: '2027-Q1', value: 10, enteredBy: null, enteredAt: 'x' },
      ],
      { asOf: '2027-04-05', margin: 0.05 },
    );
    expect(s.readings.map((r) => r.period)).toEqual(['2027-Q1']);
    expect(s.ytd).toBe(10);
  });
});
