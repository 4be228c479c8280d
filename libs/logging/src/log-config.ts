import { ConfigError } from '@duban/domain/errors/config-error';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFormat = 'pretty' | 'json';

export interface LogConfig {
  /** LOG_LEVEL (default info). */
  level: LogLevel;
  /** LOG_FORMAT: pretty (one coloured line each) or json (one object a line); default pretty on a terminal. */
  format: LogFormat;
}

export function loadLogConfig(
  env: NodeJS.ProcessEnv = process.env,
  terminal = Boolean(process.stdout.isTTY),
): LogConfig {
  const level = (env.LOG_LEVEL?.trim().toLowerCase() || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(level)) {
    throw new ConfigError('LOG_LEVEL', `LOG_LEVEL "${env.LOG_LEVEL}" is not one of ${LOG_LEVELS.join(', ')}`);
  }
  const format = (env.LOG_FORMAT?.trim().toLowerCase() || (terminal ? 'pretty' : 'json')) as LogFormat;
  if (format !== 'pretty' && format !== 'json') {
    throw new ConfigError('LOG_FORMAT', `LOG_FORMAT "${env.LOG_FORMAT}" is not pretty or json`);
  }
  return { level, format };
}
