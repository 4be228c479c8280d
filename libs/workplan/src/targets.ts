import { Comparator, Indicator } from '../../domain/src/plan/plan-tree';

const UNITS = [
  '微克/立方米',
  '毫克/立方米',
  '毫克/升',
  '起/万枚',
  '万吨',
  '吨',
  '%',
  '个',
  '家',
  '座',
  '处',
  '项',
  '条',
  '公里',
  '千米',
  '公顷',
  '亩',
  '天',
  '户',
  '套',
];
const UNIT_PATTERN = UNITS.map((u) => u.replace(/[/%]/g, (c) => `\\${c}`)).join('|');
// A number not glued to a letter or digit before it (PM2.5, NO2 and O3 are names, not values).
const VALUE = new RegExp(
  `(?<![A-Za-z0-9.])(\\d+(?:\\.\\d+)?)\\s*(${UNIT_PATTERN})?\\s*(以下|以内|以上|及以上|及以下|之内)?`,
  'g',
);

const LTE = /以下|以内|之内|及以下|不超过|不高于|低于|控制在|下降到/;
const GTE = /以上|及以上|不低于|不少于|达到|超过|实现|建设|建成|完成|提高到|优于/;

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
    for (let m = VALUE.exec(text); m; m = VALUE.exec(text)) {
      const [whole, value, unit, suffix] = m;
      if (!unit && !suffix) continue;
      // A year ("2021年") or an ordinal is not a value.
      if (!unit && /^[年月日号期批次]/.test(text.slice(m.index + whole.length))) continue;
      const before = text.slice(0, m.index);
      out.push({
        name: indicatorName(before) || text,
        comparator: comparatorOf(before, suffix),
        value: Number(value),
        unit: unit ?? '',
        aspirational: /力争/.test(text),
        raw: text,
      });
    }
  }
  return out;
}

function comparatorOf(before: string, suffix: string | undefined): Comparator {
  if (suffix && /以下|以内|之内/.test(suffix)) return 'lte';
  if (suffix && /以上/.test(suffix)) return 'gte';
  if (LTE.test(before)) return 'lte';
  if (GTE.test(before)) return 'gte';
  return 'gte';
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
