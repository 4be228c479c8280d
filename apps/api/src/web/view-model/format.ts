import { progressText } from '@duban/domain/progress/expected-progress';
import { shanghaiDate, shanghaiDateTime } from '@duban/domain/calendar/shanghai-time';

/** Dates as Chinese readers expect them, always in Asia/Shanghai whatever the server's zone. */
function toDate(value: Date | string | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(value);
  return isNaN(d.getTime()) ? null : d;
}

/** 2021-09-30 */
export function formatDate(value: Date | string | null | undefined): string {
  const d = toDate(value);
  return d ? shanghaiDate(d) : '—';
}

/** 2021-09-30 17:30 */
export function formatDateTime(value: Date | string | null | undefined): string {
  const d = toDate(value);
  return d ? shanghaiDateTime(d) : '—';
}

/** 0.4567 → "45.7%" */
export function formatPercent(ratio: number): string {
  return `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
}

/** 序时进度 of a ledger row (应完成 60%，实际 35%…), or '' when the task does not measure it. */
export function rowProgressText(t: { expectedProgress?: number | null; actualProgress?: number | null }): string {
  return typeof t.expectedProgress === 'number' && typeof t.actualProgress === 'number'
    ? progressText({ expected: t.expectedProgress, actual: t.actualProgress })
    : '';
}
