import { ConfigError } from '@duban/domain/errors/config-error';
import { parseDurationSeconds } from './duration';
import { Env, resolveJwtSecret } from './jwt-secret';

export const AUTH_CONFIG = Symbol('AUTH_CONFIG');

/** Token lifetimes and login throttling, read once at start from the environment. */
export interface AuthConfig {
  jwtSecret: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  /** Failed logins per username+IP allowed inside the window before 429. */
  loginMaxFailures: number;
  /** Failed logins from one IP, whatever the usernames, allowed inside the window before 429. */
  loginMaxFailuresPerIp: number;
  loginWindowSeconds: number;
}

export function loadAuthConfig(env: Env = process.env): AuthConfig {
  const accessTtlSeconds = duration(env, 'JWT_ACCESS_TTL', '15m');
  const refreshTtlSeconds = duration(env, 'JWT_REFRESH_TTL', '7d');
  if (refreshTtlSeconds <= accessTtlSeconds) {
    throw new ConfigError('JWT_REFRESH_TTL', 'JWT_REFRESH_TTL must be longer than JWT_ACCESS_TTL');
  }
  return {
    jwtSecret: resolveJwtSecret(env),
    accessTtlSeconds,
    refreshTtlSeconds,
    loginMaxFailures: count(env, 'AUTH_LOGIN_MAX_FAILURES', '5'),
    loginMaxFailuresPerIp: count(env, 'AUTH_LOGIN_MAX_FAILURES_PER_IP', '30'),
    loginWindowSeconds: duration(env, 'AUTH_LOGIN_WINDOW', '15m'),
  };
}

function count(env: Env, name: string, fallback: string): number {
  const text = env[name]?.trim() || fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 100_000)
    throw new ConfigError(name, `${name} must be 1..100000, got "${text}"`);
  return n;
}

function duration(env: Env, name: string, fallback: string): number {
  const text = env[name]?.trim() || fallback;
  const seconds = parseDurationSeconds(text);
  if (seconds === undefined) {
    throw new ConfigError(name, `${name} must be a duration like 900, 15m, 12h or 7d, got "${text}"`);
  }
  return seconds;
}
