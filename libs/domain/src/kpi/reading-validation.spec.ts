import { IndicatorDefinition } from './indicator-standing';
import { normalizeUnit, ReadingProblem, validateReading } from './reading-validation';
import { pm25Definition } from './indicator.fixtures';

const pm25 = pm25Definition({ planId: 'p', name: 'PM2.5年均浓度' });
const days: IndicatorDefinition = {
  ...pm25,
  name: '优良天数比例',
  comparator: 'gte',
  target: 90,
  unit: '%',
  method: 'ratio-of-days',
};

describe('reading validation', () => {
  it('accepts unit spellings of μg/m³', () => {
    expect(normalizeUnit('μg/m³')).toBe(normalizeUnit('微克/立方米'));
    expect(validateReading(pm25, { period: '2021-09', value: 36, unit: 'ug/m3' })).toEqual({
      ok: true,
      reading: { period: '2021-09', value: 36, goodDays: null, validDays: null },
    });
  });

  it('refuses a wrong unit, period, negative or missing value, each with a reason', () => {
    const r = validateReading(pm25, { period: '2021-13', value: -1, unit: 'mg/m3' });
    expect(r.ok).toBe(false);
    const problems = (r as { problems: ReadingProblem[] }).problems;
    expect(problems.map((p) => p.field)).toEqual(['period', 'unit', 'value']);
    expect(problems[0].zh).toBe('期间“2021-13”不符合该指标的报送周期，应为 2021-01 … 2021-12');
    expect(problems[1].zh).toBe('单位“mg/m3”与指标单位“微克/立方米”不一致');
    expect(problems[2]).toEqual({ field: 'value', zh: '数值-1不能为负', en: 'value -1 is negative' });
    // Chinese for the pages, English apart: no message mixes the two.
    for (const p of problems) expect(p.zh).not.toMatch(/[a-z]{4,}/);
    expect(validateReading(pm25, { period: '2021-01' }).ok).toBe(false);
  });

  it('computes 优良天数比例 from days and checks them against the month', () => {
    expect(validateReading(days, { period: '2021-02', goodDays: 25, validDays: 28 })).toEqual({
      ok: true,
      reading: { period: '2021-02', value: 89.29, goodDays: 25, validDays: 28 },
    });
    expect(validateReading(days, { period: '2021-02', goodDays: 25, validDays: 30 }).ok).toBe(false);
    expect(validateReading(days, { period: '2021-02', goodDays: 29, validDays: 28 }).ok).toBe(false);
    expect(validateReading(days, { period: '2021-02', value: 50, goodDays: 25, validDays: 28 }).ok).toBe(false);
    expect(validateReading(days, { period: '2021-02', value: 95 }).ok).toBe(false);
  });

  it('caps percentages at 100 and wants whole counts', () => {
    expect(validateReading({ ...pm25, unit: '%', method: 'latest-value' }, { period: '2021-01', value: 101 }).ok).toBe(
      false,
    );
    const count = { ...pm25, unit: '个', method: 'cumulative-count' as const };
    expect(validateReading(count, { period: '2021-01', value: 2.5 }).ok).toBe(false);
    expect(validateReading(count, { period: '2021-01', value: 3 }).ok).toBe(true);
  });
});
