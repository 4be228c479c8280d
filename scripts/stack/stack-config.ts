import { join, resolve } from 'node:path';
import { ConfigError } from './config-error';
import { parsePort } from './ports';

export interface StackConfig {
  root: string;
  dataDir: string;
  apiPort: number;
  temporal: { external: true; address: string } | { external: false; port: number; uiPort: number };
  database: { external: true; url: string } | { external: false; port: number };
}

/** Reads and validates the launcher's settings; every error names its variable. */
export function loadStackConfig(env: NodeJS.ProcessEnv, root: string): StackConfig {
  const dataDir = resolve(root, env.DUBAN_DATA_DIR ?? '.data');
  const apiPort = parsePort('API_PORT', env.API_PORT, 3000);
  const address = env.TEMPORAL_ADDRESS;
  if (address !== undefined && !/^[A-Za-z0-9.-]+:\d{1,5}$/.test(address)) {
    throw new ConfigError('TEMPORAL_ADDRESS', `"${address}" is not host:port (e.g. temporal.example.gov:7233)`);
  }
  const temporal = address
    ? { external: true as const, address }
    : {
        external: false as const,
        port: parsePort('TEMPORAL_DEV_PORT', env.TEMPORAL_DEV_PORT, 7233),
        uiPort: parsePort('TEMPORAL_UI_PORT', env.TEMPORAL_UI_PORT, 8233),
      };
  const url = env.DATABASE_URL;
  if (url !== undefined) validateDatabaseUrl(url);
  const database = url
    ? { external: true as const, url }
    : { external: false as const, port: parsePort('DUBAN_PG_PORT', env.DUBAN_PG_PORT, 54329) };
  return { root, dataDir, apiPort, temporal, database };
}

export function validateDatabaseUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('DATABASE_URL', 'is not a URL (expected postgres://user:password@host:5432/database)');
  }
  if (!['postgres:', 'postgresql:'].includes(parsed.protocol)) {
    throw new ConfigError('DATABASE_URL', `scheme "${parsed.protocol}" is not postgres:// or postgresql://`);
  }
  if (!parsed.hostname || parsed.pathname.length <= 1) {
    throw new ConfigError(
      'DATABASE_URL',
      'needs a host and a database name (postgres://user:password@host:5432/database)',
    );
  }
}

export const dataPath = (config: StackConfig, ...parts: string[]) => join(config.dataDir, ...parts);
