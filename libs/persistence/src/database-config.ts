import { resolve } from 'node:path';
import { parseIntegerSetting } from '@duban/domain/config/integer-setting';
import { parsePortSetting } from '@duban/domain/config/port-setting';
import { ConfigError } from '@duban/domain/errors/config-error';

export const DEFAULT_DATA_DIR = '.data';
export const DEFAULT_EMBEDDED_PG_PORT = 54329;
export const EMBEDDED_DATABASE_NAME = 'duban';

/** Either the PostgreSQL DATABASE_URL names, or the embedded one `npm start` runs under DUBAN_DATA_DIR. */
export type DatabaseConfig =
  { kind: 'external'; url: string } | { kind: 'embedded'; dataDir: string; port: number; database: string };

/** Reads DATABASE_URL (unset → embedded), DUBAN_DATA_DIR and DUBAN_PG_PORT; errors name the variable. */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: 'external', url: validateDatabaseUrl(url) };
  return {
    kind: 'embedded',
    dataDir: resolve(root, env.DUBAN_DATA_DIR?.trim() || DEFAULT_DATA_DIR, 'postgres'),
    port: parsePortSetting('DUBAN_PG_PORT', env.DUBAN_PG_PORT, DEFAULT_EMBEDDED_PG_PORT),
    database: EMBEDDED_DATABASE_NAME,
  };
}

/**
 * Checks the shape of a PostgreSQL URL. Messages never echo the URL: it usually carries a password.
 */
export function validateDatabaseUrl(url: string): string {
  const example = 'expected postgres://user:password@host:5432/database';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('DATABASE_URL', `DATABASE_URL is not a valid URL (${example})`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `DATABASE_URL has scheme "${parsed.protocol}" (${example})`);
  }
  if (!parsed.hostname) throw new ConfigError('DATABASE_URL', `DATABASE_URL has no host (${example})`);
  if (parsed.port && (Number(parsed.port) < 1 || Number(parsed.port) > 65535)) {
    throw new ConfigError('DATABASE_URL', `DATABASE_URL has an invalid port (${example})`);
  }
  if (parsed.pathname.length <= 1 || parsed.pathname.slice(1).includes('/')) {
    throw new ConfigError('DATABASE_URL', `DATABASE_URL names no database (${example})`);
  }
  return url;
}

/** Connections per process in the pool (DATABASE_POOL_SIZE, default 10). */
export function loadDatabasePoolSize(env: NodeJS.ProcessEnv = process.env): number {
  return parseIntegerSetting('DATABASE_POOL_SIZE', env.DATABASE_POOL_SIZE, 10, { min: 1, max: 1000 });
}

/** The PostgreSQL the API and worker use: DATABASE_URL, which the launcher sets when the user did not. */
export function loadDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim();
  if (!url) {
    throw new ConfigError(
      'DATABASE_URL',
      'DATABASE_URL is not set: start the system with `npm start`, or set DATABASE_URL.',
    );
  }
  return validateDatabaseUrl(url);
}
