import {
  IndicatorDefinition,
  IndicatorLight,
  IndicatorReadingView,
  IndicatorStatusView,
  QualitativeStatusView,
} from './indicator-status';
import { periodsOfYear } from './reporting-periods';
import { ytdMethodText } from './ytd-method';

export type { IndicatorDefinition } from './indicator-status';

export interface StandingOptions {
  /** Shanghai date the standing is computed for ("2021-10-15"). */
  asOf: string;
  /** Yellow when the year-to-date value is within this fraction of the target (0.05 = 5 %). */
  margin: number;
  qualitativeStatus?: QualitativeStatusView | null;
}

/** Default warning margin: 5 % of the target. */
export const DEFAULT_WARNING_MARGIN = 0.05;

const round2 = (x: number) => Math.round(x * 100) / 100;
const fmt = (x: number) => String(Math.round(x * 10) / 10);
const lowerIsBetter = (comparator: string | null) => comparator === 'lte' || comparator === 'lt';
const meets = (comparator: string | null, value: number, target: number) => {
  switch (comparator) {
    case 'lt':
      return value < target;
    case 'lte':
      return value <= target;
    case 'gt':
      return value > target;
    default:
      return value >= target;
  }
};
const symbol = (comparator: string | null) =>
  lowerIsBetter(comparator) ? (comparator === 'lt' ? '<' : '≤') : comparator === 'gt' ? '>' : '≥';

interface Judgement {
  ytd: number | null;
  light: IndicatorLight;
  lightReason: string;
  neededRemaining: number | null;
}

/**
 * The standing of one indicator: its year-to-date value by its method, the traffic light with the
 * warning margin, and what the periods still to report must achieve. Pure: the caller passes the
 * date and the readings.
 */
export function computeIndicatorStatus(
  def: IndicatorDefinition,
  readings: IndicatorReadingView[],
  options: StandingOptions,
): IndicatorStatusView {
  const spans = periodsOfYear(def.year, def.period);
  const byPeriod = new Map(readings.map((r) => [r.period, r]));
  const inYear = spans.filter((s) => byPeriod.has(s.period)).map((s) => byPeriod.get(s.period)!);
  const missingPeriods = def.qualitative
    ? []
    : spans.filter((s) => s.end < options.asOf && !byPeriod.has(s.period)).map((s) => s.period);
  const judgement = def.qualitative
    ? judgeQualitative(options.qualitativeStatus ?? null)
    : judge(def, inYear, spans, options);
  return {
    indicatorId: def.indicatorId,
    planId: def.planId,
    targetCode: def.targetCode,
    name: def.name,
    comparator: def.comparator,
    target: def.target,
    unit: def.unit,
    aspirational: def.aspirational,
    qualitative: def.qualitative,
    ownerUnit: def.ownerUnit,
    period: def.period,
    method: def.method,
    methodText: def.qualitative ? '定性目标：由督查室评定进展' : ytdMethodText(def.method),
    readings: inYear,
    ytd: judgement.ytd,
    light: judgement.light,
    lightReason: judgement.lightReason,
    neededRemaining: judgement.neededRemaining,
    missingPeriods,
    qualitativeStatus: options.qualitativeStatus ?? null,
  };
}

function judgeQualitative(status: QualitativeStatusView | null): Judgement {
  if (!status) return { ytd: null, light: 'none', lightReason: '尚未评定', neededRemaining: null };
  const light: IndicatorLight =
    status.status === 'off-track' ? 'red' : status.status === 'at-risk' ? 'yellow' : 'green';
  const label = { 'on-track': '推进正常', 'at-risk': '存在风险', 'off-track': '进度滞后', achieved: '已完成' }[
    status.status
  ];
  return {
    ytd: null,
    light,
    lightReason: `督查室评定：${label}${status.note ? `（${status.note}）` : ''}`,
    neededRemaining: null,
  };
}

function judge(
  def: IndicatorDefinition,
  readings: IndicatorReadingView[],
  spans: ReturnType<typeof periodsOfYear>,
  options: StandingOptions,
): Judgement {
  if (readings.length === 0 || def.target === null)
    return {
      ytd: null,
      light: 'none',
      lightReason: readings.length === 0 ? '尚无报送数据' : '无量化目标',
      neededRemaining: null,
    };
  const T = def.target;
  const unit = def.unit ?? '';
  const lower = lowerIsBetter(def.comparator);
  const reported = new Set(readings.map((r) => r.period));
  const remaining = spans.filter((s) => !reported.has(s.period));
  const marginAbs = Math.abs(T) * options.margin;
  const target = `目标${symbol(def.comparator)}${fmt(T)}${unit}`;

  /** Light of a level-type value (mean, ratio, latest) against the target and margin. */
  const level = (
    ytd: number,
    needed: number | null,
    impossible: boolean,
    label: string,
    neededText: string,
  ): Judgement => {
    const need = needed === null ? '' : `；剩余${remaining.length}期${neededText}`;
    if (impossible)
      return {
        ytd: round2(ytd),
        light: 'red',
        lightReason: `${label}${fmt(ytd)}${unit}，剩余期数已无法达到${target}${need}`,
        neededRemaining: needed === null ? null : round2(needed),
      };
    if (!meets(def.comparator, ytd, T))
      return {
        ytd: round2(ytd),
        light: 'red',
        lightReason: `${label}${fmt(ytd)}${unit}，未达到${target}${need}`,
        neededRemaining: needed === null ? null : round2(needed),
      };
    if (Math.abs(T - ytd) <= marginAbs)
      return {
        ytd: round2(ytd),
        light: 'yellow',
        lightReason: `${label}${fmt(ytd)}${unit}，接近${target}（预警幅度${fmt(options.margin * 100)}%）${need}`,
        neededRemaining: needed === null ? null : round2(needed),
      };
    return {
      ytd: round2(ytd),
      light: 'green',
      lightReason: `${label}${fmt(ytd)}${unit}，${target}，进度正常${need}`,
      neededRemaining: needed === null ? null : round2(needed),
    };
  };

  switch (def.method) {
    case 'mean-of-monthly-means': {
      const sum = readings.reduce((a, r) => a + r.value, 0);
      const ytd = sum / readings.length;
      const needed = remaining.length > 0 ? (T * spans.length - sum) / remaining.length : null;
      const impossible = needed !== null && (lower ? needed < 0 : false);
      const text = needed === null ? '' : `均值需${symbol(def.comparator)}${fmt(needed)}${unit}才能达标`;
      return level(ytd, needed, impossible, '年初至今均值', text);
    }
    case 'ratio-of-days': {
      const good = readings.reduce((a, r) => a + (r.goodDays ?? 0), 0);
      const valid = readings.reduce((a, r) => a + (r.validDays ?? 0), 0);
      if (valid === 0) return { ytd: null, light: 'none', lightReason: '有效监测天数为0', neededRemaining: null };
      const ytd = (good / valid) * 100;
      const remDays = remaining.reduce((a, s) => a + s.days, 0);
      const needed = remDays > 0 ? (((T / 100) * (valid + remDays) - good) / remDays) * 100 : null;
      const impossible = needed !== null && (lower ? needed < 0 : needed > 100);
      const text =
        needed === null ? '' : `（约${remDays}天）优良比例需${symbol(def.comparator)}${fmt(needed)}%才能达标`;
      return level(ytd, needed, impossible, '累计优良天数比例', text);
    }
    case 'latest-value': {
      const ytd = readings[readings.length - 1].value;
      return level(ytd, null, false, `最近一期（${readings[readings.length - 1].period}）`, '');
    }
    case 'cumulative-count': {
      const ytd = readings.reduce((a, r) => a + r.value, 0);
      if (lower) {
        const allowance = T - ytd;
        if (!meets(def.comparator, ytd, T))
          return {
            ytd,
            light: 'red',
            lightReason: `累计${fmt(ytd)}${unit}，已超出${target}`,
            neededRemaining: allowance,
          };
        const light = allowance <= marginAbs ? 'yellow' : 'green';
        return {
          ytd,
          light,
          lightReason: `累计${fmt(ytd)}${unit}，${target}，剩余额度${fmt(allowance)}${unit}`,
          neededRemaining: allowance,
        };
      }
      if (meets(def.comparator, ytd, T))
        return { ytd, light: 'green', lightReason: `累计${fmt(ytd)}${unit}，已达到${target}`, neededRemaining: null };
      const still = T - ytd;
      const elapsed = spans.filter((s) => s.end < options.asOf).length;
      if (elapsed >= spans.length)
        return {
          ytd,
          light: 'red',
          lightReason: `累计${fmt(ytd)}${unit}，年度已结束，未达到${target}，尚差${fmt(still)}${unit}`,
          neededRemaining: round2(still),
        };
      const expected = (T * elapsed) / spans.length;
      const pace = `按序时进度应完成${fmt(expected)}${unit}，剩余${spans.length - elapsed}期还需完成${fmt(still)}${unit}`;
      if (ytd >= expected)
        return { ytd, light: 'green', lightReason: `累计${fmt(ytd)}${unit}，${pace}`, neededRemaining: round2(still) };
      if (ytd >= expected - marginAbs)
        return {
          ytd,
          light: 'yellow',
          lightReason: `累计${fmt(ytd)}${unit}，略低于序时进度：${pace}`,
          neededRemaining: round2(still),
        };
      return {
        ytd,
        light: 'red',
        lightReason: `累计${fmt(ytd)}${unit}，落后于序时进度：${pace}`,
        neededRemaining: round2(still),
      };
    }
  }
}
