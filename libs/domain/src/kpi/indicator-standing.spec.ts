import { computeIndicatorStatus, IndicatorDefinition } from './indicator-standing';
import { IndicatorReadingView } from './indicator-status';
import { defaultOwnerUnit } from './default-owner';
import { periodProblem, periodsOfYear } from './reporting-periods';
import { inferYtdMethod } from './ytd-method';
import { pm25Definition } from './indicator.fixtures';

const pm25 = pm25Definition({ name: '省站国控点细颗粒物(PM2.5)年均浓' });

const monthly = (values: number[], extra: Partial<IndicatorReadingView> = {}): IndicatorReadingView[] =>
  values.map((value, i) => ({
    period: `2021-${String(i + 1).padStart(2, '0')}`,
    value,
    enteredBy: null,
    enteredAt: '2021-10-01T00:00:00Z',
    ...extra,
  }));

describe('method inference and owner defaults', () => {
  it('reads the method from the name and unit', () => {
    expect(inferYtdMethod('省站国控点细颗粒物(PM2.5)年均浓', '微克/立方米')).toBe('mean-of-monthly-means');
    expect(inferYtdMethod('二氧化氮年均浓度', 'μg/m³')).toBe('mean-of-monthly-means');
    expect(inferYtdMethod('区国控监测站点空气质量优良天数比例', '%')).toBe('ratio-of-days');
    expect(inferYtdMethod('全区建设农村污水处理设施', '个')).toBe('cumulative-count');
    expect(inferYtdMethod('全区受污染耕地安全利用率', '%')).toBe('latest-value');
  });

  it('gives air and water readings to the monitoring station, nothing else', () => {
    expect(defaultOwnerUnit('可吸入颗粒物(PM10)年均浓度')).toBe('monitoring');
    expect(defaultOwnerUnit('区国控监测站点空气质量优良天数比例')).toBe('monitoring');
    expect(defaultOwnerUnit('幸福水库水源地水质达到或优于Ⅲ类比例')).toBe('monitoring');
    expect(defaultOwnerUnit('全区建设农村污水处理设施')).toBeNull();
  });

  it('lists periods and explains a period that does not fit', () => {
    expect(periodsOfYear(2021, 'monthly').map((p) => p.period)).toHaveLength(12);
    expect(periodsOfYear(2021, 'quarterly')[2]).toEqual({
      period: '2021-Q3',
      start: '2021-07-01',
      end: '2021-09-30',
      days: 92,
    });
    expect(periodProblem('2021-09', 'monthly', 2021)).toBeNull();
    expect(periodProblem('2021-13', 'monthly', 2021)?.zh).toContain('2021-01 … 2021-12');
    expect(periodProblem('2020-12', 'monthly', 2021)?.en).toContain('does not fit');
  });
});

describe('year-to-date standing', () => {
  it('PM2.5 averaging 36 by September is red, with what Oct–Dec must average', () => {
    const s = computeIndicatorStatus(pm25, monthly([40, 38, 36, 35, 34, 33, 34, 36, 38]), {
      asOf: '2021-10-15',
      margin: 0.05,
    });
    expect(s.ytd).toBe(36);
    expect(s.light).toBe('red');
    // (34 × 12 − 36 × 9) / 3 = 28
    expect(s.neededRemaining).toBe(28);
    expect(s.lightReason).toBe(
      '年初至今均值36微克/立方米，未达到目标≤34微克/立方米；剩余3期均值需≤28微克/立方米才能达标',
    );
    expect(s.missingPeriods).toEqual([]);
    expect(s.methodText).toContain('各月均值');
  });

  it('PM2.5 at 33 against ≤34 is yellow within a 5 % margin, green at 30', () => {
    expect(computeIndicatorStatus(pm25, monthly([33, 33, 33]), { asOf: '2021-04-10', margin: 0.05 }).light).toBe(
      'yellow',
    );
    const green = computeIndicatorStatus(pm25, monthly([30, 30, 30]), { asOf: '2021-04-10', margin: 0.05 });
    expect(green.light).toBe('green');
    expect(green.neededRemaining).toBe(35.33);
  });

  it('is red when the remaining months cannot bring it back', () => {
    // 11 months at 34 meets ≤34 but a 12th month can only be ≥ 0: still possible; at 70 for 1 month of 2 left it is not.
    const s = computeIndicatorStatus(pm25, monthly([34, 34, 34, 34, 34, 34, 34, 34, 34, 34]), {
      asOf: '2021-11-05',
      margin: 0,
    });
    expect(s.light).toBe('yellow'); // exactly at the limit counts as within the margin
    const lost = computeIndicatorStatus(pm25, monthly([20, 20, 20, 20, 20, 20, 20, 20, 20, 220]), {
      asOf: '2021-11-05',
      margin: 0,
    });
    expect(lost.ytd).toBe(40);
    expect(lost.neededRemaining).toBe(4); // (408 − 400) / 2
    expect(lost.light).toBe('red');
    const hopeless = computeIndicatorStatus(pm25, monthly(Array(11).fill(60)), { asOf: '2021-12-05', margin: 0 });
    expect(hopeless.neededRemaining).toBe(-252);
    expect(hopeless.lightReason).toContain('已无法达到');
  });

  it('lists periods that ended without a reading', () => {
    const s = computeIndicatorStatus(pm25, monthly([30, 30, 30, 30, 30, 30, 30, 30, 30]), {
      asOf: '2021-11-02',
      margin: 0.05,
    });
    expect(s.missingPeriods).toEqual(['2021-10']);
  });

  it('优良天数比例 is good days over valid days; an out-of-reach target is red', () => {
    const def: IndicatorDefinition = {
      ...pm25,
      name: '优良天数比例',
      comparator: 'gte',
      target: 90,
      unit: '%',
      method: 'ratio-of-days',
    };
    const days = [31, 28, 31, 30, 31, 30, 31, 31, 30];
    const readings = monthly(days.map(() => 0)).map((r, i) => ({
      ...r,
      goodDays: days[i] - 3,
      validDays: days[i],
      value: 0,
    }));
    const s = computeIndicatorStatus(def, readings, { asOf: '2021-10-10', margin: 0.05 });
    // 246 good of 273 valid
    expect(s.ytd).toBe(90.11);
    expect(s.light).toBe('yellow');
    // 0.9 × (273 + 92) − 246 = 82.5 good days of 92 → 89.67 %
    expect(s.neededRemaining).toBe(89.67);
    const bad = readings.map((r) => ({ ...r, goodDays: r.validDays! - 8 }));
    const red = computeIndicatorStatus(def, bad, { asOf: '2021-10-10', margin: 0.05 });
    expect(red.light).toBe('red');
    expect(red.neededRemaining).toBeGreaterThan(100);
    expect(red.lightReason).toContain('已无法达到');
  });

  it('counts add up against the pro-rata schedule', () => {
    const def: IndicatorDefinition = {
      ...pm25,
      name: '全区建设农村污水处理设施',
      comparator: 'gte',
      target: 50,
      unit: '个',
      method: 'cumulative-count',
      period: 'quarterly',
    };
    const q = (values: number[]) =>
      values.map((value, i) => ({ period: `2021-Q${i + 1}`, value, enteredBy: null, enteredAt: 'x' }));
    expect(computeIndicatorStatus(def, q([13, 13]), { asOf: '2021-07-05', margin: 0.05 }).light).toBe('green');
    expect(computeIndicatorStatus(def, q([12, 12]), { asOf: '2021-07-05', margin: 0.05 }).light).toBe('yellow');
    const red = computeIndicatorStatus(def, q([5, 5]), { asOf: '2021-07-05', margin: 0.05 });
    expect(red.light).toBe('red');
    expect(red.neededRemaining).toBe(40);
    expect(computeIndicatorStatus(def, q([20, 20, 10]), { asOf: '2021-10-05', margin: 0.05 }).light).toBe('green');
    expect(
      computeIndicatorStatus(def, q([10, 10, 10, 10]), { asOf: '2022-01-05', margin: 0.05 }).lightReason,
    ).toContain('尚差10个');
  });

  it('shows no light without readings, and a supervisor status for qualitative targets', () => {
    expect(computeIndicatorStatus(pm25, [], { asOf: '2021-01-05', margin: 0.05 }).light).toBe('none');
    const q = { ...pm25, qualitative: true, comparator: null, target: null };
    const s = computeIndicatorStatus(q, [], {
      asOf: '2021-06-01',
      margin: 0.05,
      qualitativeStatus: { status: 'at-risk', note: '进度偏慢', by: 'supervisor', at: '2021-06-01T00:00:00Z' },
    });
    expect(s.light).toBe('yellow');
    expect(s.lightReason).toBe('督查室评定：存在风险（进度偏慢）');
    expect(s.missingPeriods).toEqual([]);
  });
});
