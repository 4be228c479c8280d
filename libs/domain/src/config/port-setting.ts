import { ConfigError } from '../errors/config-error';

/** Reads a TCP port setting; unset or empty means the default, anything else must be 1-65535. */
export function parsePortSetting(setting: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const text = raw.trim();
  const port = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(setting, `${setting}="${raw}" is not a TCP port (a whole number 1-65535)`);
  }
  return port;
}
