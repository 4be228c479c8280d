import { resolve } from 'node:path';
import { parsePortSetting } from '@duban/domain/config/port-setting';
import { DatabaseConfig, DEFAULT_DATA_DIR, loadDatabaseConfig } from '@duban/persistence/database-config';
import { loadTemporalConfig, TemporalConfig } from '@duban/temporal/temporal-config';

export const DEFAULT_API_PORT = 3000;
export const DEFAULT_TEMPORAL_DEV_PORT = 7233;
export const DEFAULT_TEMPORAL_UI_PORT = 8233;

export interface StackConfig {
  root: string;
  /** DUBAN_DATA_DIR: Temporal's SQLite file, PostgreSQL's cluster, evidence files. */
  dataDir: string;
  apiPort: number;
  temporal: TemporalConfig;
  /** Present when TEMPORAL_ADDRESS is unset: the dev server `npm start` runs itself. */
  temporalDev?: { port: number; uiPort: number; dbFile: string };
  database: DatabaseConfig;
}

/** DUBAN_DATA_DIR, or .data, under the checkout `root`. */
export function dataDirOf(env: NodeJS.ProcessEnv, root: string): string {
  return resolve(root, env.DUBAN_DATA_DIR?.trim() || DEFAULT_DATA_DIR);
}

/** Everything `npm start` needs, validated up front so a bad setting fails before anything starts. */
export function loadStackConfig(env: NodeJS.ProcessEnv, root: string): StackConfig {
  const dataDir = dataDirOf(env, root);
  const apiPort = parsePortSetting('API_PORT', env.API_PORT, DEFAULT_API_PORT);
  const temporal = loadTemporalConfig(env);
  const database = loadDatabaseConfig(env, root);
  if (!temporal.local) return { root, dataDir, apiPort, temporal, database };
  const port = parsePortSetting('TEMPORAL_DEV_PORT', env.TEMPORAL_DEV_PORT, DEFAULT_TEMPORAL_DEV_PORT);
  const uiPort = parsePortSetting('TEMPORAL_UI_PORT', env.TEMPORAL_UI_PORT, DEFAULT_TEMPORAL_UI_PORT);
  return {
    root,
    dataDir,
    apiPort,
    temporal: { ...temporal, address: `127.0.0.1:${port}` },
    temporalDev: { port, uiPort, dbFile: resolve(dataDir, 'temporal.sqlite') },
    database,
  };
}
