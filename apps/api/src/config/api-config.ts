import { join, resolve } from 'node:path';
import { parseIntegerSetting } from '@duban/domain/config/integer-setting';
import { parsePortSetting } from '@duban/domain/config/port-setting';
import { parseWarningMargin } from '@duban/domain/kpi/kpi-config';

/**
 * The API process's own settings, read and checked once (README, Configuration). The auth, seed,
 * notification, database and Temporal settings have loaders of their own beside their modules.
 */
export interface ApiConfig {
  port: number;
  host: string;
  /** How long an action waits for its task workflow before answering 503. */
  actionTimeoutMs: number;
  evidenceDir: string;
  evidenceMaxBytes: number;
  kpiWarningMargin: number;
  /** BULLETIN_SCHEDULE as written ('off', a spec, or undefined for the default). */
  bulletinSchedule: string | undefined;
  bulletinPlanId: string | undefined;
  chromiumPath: string;
  production: boolean;
}

type Env = Record<string, string | undefined>;

export function loadApiConfig(env: Env): ApiConfig {
  const dataDir = env.DUBAN_DATA_DIR?.trim() || '.data';
  return {
    port: parsePortSetting('API_PORT', env.API_PORT, 3000),
    host: env.API_HOST?.trim() || '127.0.0.1',
    actionTimeoutMs: parseIntegerSetting('ACTION_TIMEOUT_MS', env.ACTION_TIMEOUT_MS, 20_000, {
      min: 100,
      max: 600_000,
    }),
    evidenceDir: resolve(env.EVIDENCE_DIR?.trim() || join(dataDir, 'evidence')),
    evidenceMaxBytes: parseIntegerSetting('EVIDENCE_MAX_BYTES', env.EVIDENCE_MAX_BYTES, 20 * 1024 * 1024, {
      min: 1024,
      max: 1024 * 1024 * 1024,
    }),
    kpiWarningMargin: parseWarningMargin(env.KPI_WARNING_MARGIN),
    bulletinSchedule: env.BULLETIN_SCHEDULE?.trim() || undefined,
    bulletinPlanId: env.BULLETIN_PLAN_ID?.trim() || undefined,
    chromiumPath: env.CHROMIUM_PATH?.trim() || '/usr/bin/chromium',
    production: env.NODE_ENV === 'production',
  };
}

let loaded: ApiConfig | undefined;

/** This process's settings, from its environment, checked the first time they are asked for. */
export function apiConfig(): ApiConfig {
  loaded ??= loadApiConfig(process.env);
  return loaded;
}
