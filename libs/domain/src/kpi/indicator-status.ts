// The shape of a target indicator's standing, as the API returns it and the Targets page and the
// weekly bulletin show it. Computed from the plan's indicator and its readings (libs/domain/src/kpi).

/** How often a reading is due. */
export type ReportingPeriod = 'monthly' | 'quarterly' | 'annual';

/**
 * How the year-to-date value is formed from the readings:
 * - `mean-of-monthly-means`: concentrations (PM2.5, PM10, NO2 …), the mean of the monthly means;
 * - `ratio-of-days`: 优良天数比例, good days over valid days (readings carry both counts);
 * - `cumulative-count`: facilities built, cases handled, the sum of the period counts;
 * - `latest-value`: a level that is measured, not accumulated (e.g. a rate reported each period).
 */
export type YtdMethod = 'mean-of-monthly-means' | 'ratio-of-days' | 'cumulative-count' | 'latest-value';

/** green on track, yellow within the warning margin, red missed or out of reach, none without data. */
export type IndicatorLight = 'green' | 'yellow' | 'red' | 'none';

export interface IndicatorReadingView {
  /** "2021-09" for a month, "2021-Q3" for a quarter, "2021" for a year. */
  period: string;
  value: number;
  /** For `ratio-of-days`: good days and valid days of the period (value is their ratio in %). */
  goodDays?: number;
  validDays?: number;
  /** Username of who entered it, and the name people know them by. */
  enteredBy: string | null;
  enteredByName?: string | null;
  enteredAt: string;
}

/** A supervisor's judgement of a qualitative target (no number to compute). */
export interface QualitativeStatusView {
  status: 'on-track' | 'at-risk' | 'off-track' | 'achieved';
  note: string;
  by: string;
  at: string;
}

/** An indicator as the plan defines it, with its reporting settings resolved. */
export interface IndicatorDefinition {
  indicatorId: string;
  planId: string;
  /** Number of the target in the plan ("1" … "10"). */
  targetCode: string;
  name: string;
  /** lte, lt, gte, gt, eq (eq is read as "at least": the targets that use it are 100 % rates). */
  comparator: string | null;
  target: number | null;
  unit: string | null;
  aspirational: boolean;
  qualitative: boolean;
  ownerUnit: string | null;
  period: ReportingPeriod;
  method: YtdMethod;
  year: number;
}

/** An indicator's standing on a day: its definition, readings, year-to-date value and light. */
export interface IndicatorStatusView extends Omit<IndicatorDefinition, 'year'> {
  /** The method in a sentence of Chinese, shown on the page (e.g. "年均值 = 各月均值的算术平均"). */
  methodText: string;
  readings: IndicatorReadingView[];
  /** Year-to-date value by `method`; null before the first reading. */
  ytd: number | null;
  light: IndicatorLight;
  /** Why the light is what it is, in Chinese (e.g. "剩余3个月均值需≤29.3才能达标"). */
  lightReason: string;
  /**
   * What the remaining periods must average (or add up to) for the target to be met; null when
   * already secured or not applicable. Negative or impossible values turn the light red.
   */
  neededRemaining: number | null;
  /** Periods whose reading is due and missing. */
  missingPeriods: string[];
  qualitativeStatus: QualitativeStatusView | null;
}
