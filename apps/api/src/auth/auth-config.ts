import { ConfigError } from '../../../../libs/domain/src/errors/config-error';
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
  loginWindowSeconds: number;
}

export function loadAuthConfig(env: Env = process.env): AuthConfig {
  const accessTtlSeconds = duration(env, 'JWT_ACCESS_TTL', '15m');
  const refreshTtlSeconds = duration(env, 'JWT_REFRESH_TTL', '7d');
  if (refreshTtlSeconds <= accessTtlSeconds) {
    throw new ConfigError('JWT_REFRESH_TTL', 'JWT_REFRESH_TTL must be longer than JWT_ACCESS_TTL');
  }
  const maxText = env.AUTH_LOGIN_MAX_FAILURES?.trim() || '5';
  const loginMaxFailures = Number(maxText);
  if (!Number.isInteger(loginMaxFailures) || loginMaxFailures < 1 || loginMaxFailures > 1000) {
    throw new ConfigError('AUTH_LOGIN_MAX_FAILURES', `AUTH_LOGIN_MAX_FAILURES must be 1..1000, got "${maxText}"`);
  }
  return {
    jwtSecret: resolveJwtSecret(env),
    accessTtlSeconds,
    refreshTtlSeconds,
    loginMaxFailures,
    loginWindowSeconds: duration(env, 'AUTH_LOGIN_WINDOW', '15m'),
  };
}

function duration(env: Env, name: string, fallback: string): number {
  const text = env[name]?.trim() || fallback;
  const seconds = parseDurationSeconds(text);
  if (seconds === undefined) {
    throw new ConfigError(name, `${name} must be a duration like 900, 15m, 12h or 7d, got "${text}"`);
  }
  return seconds;
}
