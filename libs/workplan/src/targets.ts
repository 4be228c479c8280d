import { Comparator, Indicator } from '@duban/domain/plan/plan-tree';

const UNITS = [
  '微克/立方米',
  '毫克/立方米',
  '毫克/升',
  'μg/m3',
  'mg/L',
  '起/万枚',
  '个百分点',
  '百分点',
  '%',
  '‰',
  '万立方米',
  '立方米',
  '平方公里',
  '平方米',
  '万千瓦时',
  '千瓦',
  '分贝',
  '万吨',
  '吨',
  '万元',
  '亿元',
  '元',
  '个',
  '家',
  '座',
  '处',
  '项',
  '条',
  '公里',
  '千米',
  '公顷',
  '万亩',
  '亩',
  '天',
  '户',
  '套',
  '辆',
  '台',
  '次',
  '所',
  '人',
];
// Longest first, so that 平方公里 is not read as 平方 + 公里 and 万吨 not as 万 + 吨.
const UNIT_PATTERN = [...UNITS]
  .sort((x, y) => y.length - x.length)
  .map((u) => u.replace(/[/%]/g, (c) => `\\${c}`))
  .join('|');
// A number not glued to a letter or digit before it (PM2.5, NO2 and O3 are names, not values).
const VALUE = new RegExp(
  `(?<![A-Za-z0-9.])(\\d+(?:\\.\\d+)?)\\s*(${UNIT_PATTERN})?\\s*(以下|以内|以上|及以上|及以下|之内)?`,
  'g',
);

// Comparator words before the value. 以上/以下 count only after it: "县级及以上城市…达标率100%" is not
// "at least". Negated words are tried first: 不低于 holds 低于, 不超过 holds 超过.
const GTE_NEGATED = /不低于|不少于|不小于/;
const LTE_NEGATED = /不超过|不高于|不多于|不大于/;
const LTE_BEFORE = /低于|控制在|控制到|下降到|降至|降到|小于/;
const GTE_BEFORE = /达到|超过|实现|提高到|提高至|提升到|提升至|大于|新增|建成|建设|完成/;
/** "下降2个百分点": a cut of at least that much ("下降到" is a level, read as lte above). */
const REDUCTION = /下降|降低|减少|削减/;
const LTE_AFTER = /以下|以内|之内/;
const GTE_AFTER = /以上/;
/** Counted things: a number of them to build or reach is a floor, not an exact figure. */
const COUNT_UNIT = /^(?:个|家|座|处|项|条|户|套|辆|台|所|公里|千米|公顷|万亩|亩)$/;

/**
 * Reads the indicators of one target sentence: each clause (split on ，,；;) may hold a value with
 * a unit or a comparator word. Clauses with no such value add nothing; a target with no indicator
 * at all is qualitative.
 */
export function parseIndicators(sentence: string): Indicator[] {
  const out: Indicator[] = [];
  for (const clause of sentence.split(/[，,；;。]/)) {
    const text = clause.trim();
    if (!text) continue;
    VALUE.lastIndex = 0;
    // Where the previous indicator of this clause ended: the next one's name starts there.
    let from = 0;
    for (let m = VALUE.exec(text); m; m = VALUE.exec(text)) {
      const [whole, value, unit, suffix] = m;
      if (!unit && !suffix) continue;
      // A year ("2021年") or an ordinal is not a value.
      if (!unit && /^[年月日号期批次]/.test(text.slice(m.index + whole.length))) continue;
      const before = text.slice(from, m.index).replace(/^[和及与、]/, '');
      from = m.index + whole.length;
      out.push({
        name: indicatorName(before) || text,
        comparator: comparatorOf(before, unit, suffix),
        value: Number(value),
        unit: unit ?? '',
        aspirational: /力争/.test(text),
        raw: text,
      });
    }
  }
  return out;
}

function comparatorOf(before: string, unit: string | undefined, suffix: string | undefined): Comparator {
  if (suffix && LTE_AFTER.test(suffix)) return 'lte';
  if (suffix && GTE_AFTER.test(suffix)) return 'gte';
  if (GTE_NEGATED.test(before)) return 'gte';
  if (LTE_NEGATED.test(before)) return 'lte';
  if (LTE_BEFORE.test(before)) return 'lte';
  if (GTE_BEFORE.test(before) || REDUCTION.test(before)) return 'gte';
  if (unit && COUNT_UNIT.test(unit)) return 'gte';
  // "达标率100%": the figure itself is the target.
  return 'eq';
}

/** The words before the value, without the verbs that introduce it ("力争达到", "控制在"). */
function indicatorName(before: string): string {
  return before
    .replace(
      /(力争|确保|全面|基本)?(达到或优于|达到|控制在|实现|保持在|保持|下降到|提高到|不低于|不超过|低于|为)\s*$/,
      '',
    )
    .replace(/(力争|确保)\s*$/, '')
    .replace(/[的:：\s]+$/, '')
    .trim();
}
