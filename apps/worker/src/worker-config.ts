import { parseIntegerSetting } from '@duban/domain/config/integer-setting';
import { ConfigError } from '@duban/domain/errors/config-error';
import { parseWarningMargin } from '@duban/domain/kpi/kpi-config';

const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'] as const;
export type WorkerLogLevel = (typeof LOG_LEVELS)[number];

/**
 * The worker process's own settings, read and checked once (README, Configuration). Temporal,
 * notification and database settings have loaders of their own.
 */
export interface WorkerConfig {
  kpiWarningMargin: number;
  /** Base of the links in notifications (…/ui/tasks/…); none → messages without links. */
  publicUrl: string | undefined;
  maxCachedWorkflows: number;
  logLevel: WorkerLogLevel;
}

type Env = Record<string, string | undefined>;

export function loadWorkerConfig(env: Env = process.env): WorkerConfig {
  const level = (env.WORKER_LOG_LEVEL?.trim() || 'WARN').toUpperCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new ConfigError(
      'WORKER_LOG_LEVEL',
      `WORKER_LOG_LEVEL="${env.WORKER_LOG_LEVEL}" is not one of ${LOG_LEVELS.join(', ')}`,
    );
  }
  return {
    kpiWarningMargin: parseWarningMargin(env.KPI_WARNING_MARGIN),
    publicUrl: env.PUBLIC_URL?.trim() || undefined,
    maxCachedWorkflows: parseIntegerSetting('WORKER_MAX_CACHED_WORKFLOWS', env.WORKER_MAX_CACHED_WORKFLOWS, 2000, {
      min: 10,
      max: 1_000_000,
    }),
    logLevel: level as WorkerLogLevel,
  };
}
