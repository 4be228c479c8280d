import { ConfigError } from '../errors/config-error';

/** Reads a whole-number setting; unset or empty means the default, anything else must lie in [min, max]. */
export function parseIntegerSetting(
  setting: string,
  raw: string | undefined,
  fallback: number,
  bounds: { min: number; max: number },
): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const text = raw.trim();
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < bounds.min || value > bounds.max) {
    throw new ConfigError(setting, `${setting}="${raw}" is not a whole number between ${bounds.min} and ${bounds.max}`);
  }
  return value;
}
