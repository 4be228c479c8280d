import { ConfigError } from '../errors/config-error';

/** KPI_WARNING_MARGIN: a fraction (0.05) or a percentage ("5%") of the target; default 5 %. */
export function parseWarningMargin(raw: string | undefined, fallback = 0.05): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const text = raw.trim();
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(text);
  const value = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
  if (!Number.isFinite(value) || value < 0 || value >= 1) {
    throw new ConfigError(
      'KPI_WARNING_MARGIN',
      `KPI_WARNING_MARGIN="${raw}" is not a margin (a fraction 0 ≤ x < 1 like 0.05, or a percentage like 5%)`,
    );
  }
  return value;
}
