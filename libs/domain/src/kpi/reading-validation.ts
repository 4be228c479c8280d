import { IndicatorDefinition } from './indicator-standing';
import { periodProblem, periodsOfYear } from './reporting-periods';

/** A reading as entered (one form submit or one CSV row), before it is checked. */
export interface ReadingInput {
  period: string;
  value?: number | null;
  /** The unit the value is given in; must be the indicator's unit (spelling variants accepted). */
  unit?: string | null;
  goodDays?: number | null;
  validDays?: number | null;
}

/** A checked reading, ready to store. */
export interface ValidReading {
  period: string;
  value: number;
  goodDays: number | null;
  validDays: number | null;
}

/** Spellings of the same unit: μg/m³ is written several ways in plans and spreadsheets. */
export function normalizeUnit(unit: string): string {
  const u = unit.trim().toLowerCase().replace(/\s+/g, '').replace(/³/g, '3').replace(/µ/g, 'μ');
  if (['μg/m3', 'ug/m3', '微克/立方米', '微克每立方米'].includes(u)) return 'μg/m3';
  if (['%', '％', '百分比'].includes(u)) return '%';
  return u;
}

/**
 * The largest reading an indicator of this unit can sensibly take: a percentage 100, a
 * concentration 10,000 (μg/m³ or mg/m³; the worst smog on record is far below), anything else a
 * billion. A larger figure is a typing error, and would overflow the year-to-date arithmetic.
 */
export function readingCeiling(unit: string | null | undefined): number {
  const u = normalizeUnit(unit ?? '');
  if (u === '%') return 100;
  if (u === 'μg/m3' || u === 'mg/m3') return 10_000;
  return 1_000_000_000;
}

/** One thing wrong with a reading: the input it is about (a form ties the message to it), in Chinese and English. */
export interface ReadingProblem {
  field: 'period' | 'value' | 'unit' | 'goodDays' | 'validDays';
  zh: string;
  en: string;
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * Checks a reading against its indicator: the period fits the reporting period and year, the unit
 * is the indicator's, the value is in range (not negative; a percentage at most 100; days within
 * the period). For 优良天数比例 the value is good ÷ valid days. Returns the problems in Chinese and
 * English, or the reading to store.
 */
export function validateReading(
  def: IndicatorDefinition,
  input: ReadingInput,
): { ok: true; reading: ValidReading } | { ok: false; problems: ReadingProblem[] } {
  const problems: ReadingProblem[] = [];
  const problem = (field: ReadingProblem['field'], zh: string, en: string) => problems.push({ field, zh, en });
  if (def.qualitative)
    problem('value', '定性目标不报送数值，请由督查室评定状态', 'a qualitative target takes a status, not readings');
  const p = periodProblem(input.period, def.period, def.year);
  if (p) problem('period', p.zh, p.en);
  if (input.unit !== undefined && input.unit !== null && input.unit.trim() !== '' && def.unit) {
    if (normalizeUnit(input.unit) !== normalizeUnit(def.unit))
      problem(
        'unit',
        `单位“${input.unit}”与指标单位“${def.unit}”不一致`,
        `unit "${input.unit}" is not the indicator's unit "${def.unit}"`,
      );
  }
  let value = input.value ?? null;
  let goodDays: number | null = null;
  let validDays: number | null = null;
  if (def.method === 'ratio-of-days') {
    const span = periodsOfYear(def.year, def.period).find((s) => s.period === input.period);
    const g = input.goodDays;
    const v = input.validDays;
    if (!isNum(g) || !isNum(v) || !Number.isInteger(g) || !Number.isInteger(v)) {
      problem(
        isNum(g) && Number.isInteger(g) ? 'validDays' : 'goodDays',
        '优良天数比例须报送优良天数和有效监测天数（整数）',
        'good days and valid days (whole numbers) are required',
      );
    } else if (g < 0 || v <= 0 || g > v || (span && v > span.days)) {
      problem(
        g < 0 || g > v ? 'goodDays' : 'validDays',
        `天数不合理：优良${g}天、有效${v}天（应 0 ≤ 优良 ≤ 有效 ≤ ${span?.days ?? '期间天数'}）`,
        `days out of range: good ${g}, valid ${v}`,
      );
    } else {
      goodDays = g;
      validDays = v;
      const ratio = Math.round((g / v) * 10000) / 100;
      if (isNum(value) && Math.abs(value - ratio) > 0.05)
        problem(
          'value',
          `比例${value}%与天数计算值${ratio}%不符`,
          `value ${value}% does not match ${g}/${v} = ${ratio}%`,
        );
      value = ratio;
    }
  }
  if (!isNum(value)) {
    if (def.method !== 'ratio-of-days') problem('value', '缺少数值', 'the value is missing or not a number');
  } else if (value < 0) {
    problem('value', `数值${value}不能为负`, `value ${value} is negative`);
  } else if (def.unit && normalizeUnit(def.unit) === '%' && value > 100) {
    problem('value', `百分比${value}超过100`, `percentage ${value} exceeds 100`);
  } else if (value > readingCeiling(def.unit)) {
    problem(
      'value',
      `数值${value}超出合理范围（不超过 ${readingCeiling(def.unit)}${def.unit ?? ''}），请核对`,
      `value ${value} exceeds ${readingCeiling(def.unit)}`,
    );
  } else if (def.method === 'cumulative-count' && !Number.isInteger(value)) {
    problem('value', `计数${value}应为整数`, `count ${value} must be a whole number`);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, reading: { period: input.period, value: value as number, goodDays, validDays } };
}
