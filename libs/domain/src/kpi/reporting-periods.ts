import { ReportingPeriod } from './indicator-status';

/** One reporting period of a year: its key and its first and last calendar day. */
export interface PeriodSpan {
  period: string;
  start: string;
  end: string;
  /** Calendar days in the period (an estimate of valid monitoring days still to come). */
  days: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function span(period: string, year: number, fromMonth: number, toMonth: number): PeriodSpan {
  let days = 0;
  for (let m = fromMonth; m <= toMonth; m++) days += lastDay(year, m);
  return {
    period,
    start: `${year}-${pad(fromMonth)}-01`,
    end: `${year}-${pad(toMonth)}-${pad(lastDay(year, toMonth))}`,
    days,
  };
}

/** The periods of a year in order: "2021-01" … "2021-12", "2021-Q1" … "2021-Q4", or "2021". */
export function periodsOfYear(year: number, period: ReportingPeriod): PeriodSpan[] {
  if (period === 'monthly')
    return Array.from({ length: 12 }, (_, i) => span(`${year}-${pad(i + 1)}`, year, i + 1, i + 1));
  if (period === 'quarterly')
    return Array.from({ length: 4 }, (_, i) => span(`${year}-Q${i + 1}`, year, i * 3 + 1, i * 3 + 3));
  return [span(String(year), year, 1, 12)];
}

/**
 * Checks a period key against the indicator's reporting period and year; returns a message in
 * Chinese and English when it does not fit, null when it does.
 */
export function periodProblem(key: string, period: ReportingPeriod, year: number): { zh: string; en: string } | null {
  const keys = periodsOfYear(year, period).map((p) => p.period);
  if (keys.includes(key)) return null;
  const form =
    period === 'monthly' ? `${year}-01 … ${year}-12` : period === 'quarterly' ? `${year}-Q1 … ${year}-Q4` : `${year}`;
  return {
    zh: `期间“${key}”不符合该指标的报送周期，应为 ${form}`,
    en: `period "${key}" does not fit the indicator's ${period} reporting in ${year} (expected ${form})`,
  };
}

export const REPORTING_PERIODS: readonly ReportingPeriod[] = ['monthly', 'quarterly', 'annual'];
