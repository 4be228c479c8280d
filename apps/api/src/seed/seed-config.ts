import { ConfigError } from '@duban/domain/errors/config-error';
import { Env } from '../auth/jwt-secret';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/password-hasher';
import { USERNAME_PATTERN } from '@duban/domain/access/username';

export const DEFAULT_DEMO_PASSWORD = 'duban-demo-2021';

export interface SeedConfig {
  /** false when DUBAN_DEMO_ACCOUNTS is off/false/0/no: no demo accounts, existing ones deactivated. */
  demoAccounts: boolean;
  demoPassword: string;
  demoPasswordIsDefault: boolean;
  /** From DUBAN_ADMIN_USERNAME/DUBAN_ADMIN_PASSWORD: created, or its password reset, at every start. */
  admin: { username: string; password: string } | null;
}

export function loadSeedConfig(env: Env = process.env): SeedConfig {
  const demoSetting = (env.DUBAN_DEMO_ACCOUNTS ?? '').trim().toLowerCase();
  const demoPassword = env.DUBAN_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
  checkPassword('DUBAN_DEMO_PASSWORD', demoPassword);
  return {
    demoAccounts: !['off', 'false', '0', 'no'].includes(demoSetting),
    demoPassword,
    demoPasswordIsDefault: demoPassword === DEFAULT_DEMO_PASSWORD,
    admin: adminFrom(env),
  };
}

function adminFrom(env: Env): SeedConfig['admin'] {
  const username = env.DUBAN_ADMIN_USERNAME?.trim().toLowerCase();
  const password = env.DUBAN_ADMIN_PASSWORD;
  if (!username && !password) return null;
  if (!username || !password) {
    throw new ConfigError(
      username ? 'DUBAN_ADMIN_PASSWORD' : 'DUBAN_ADMIN_USERNAME',
      'DUBAN_ADMIN_USERNAME and DUBAN_ADMIN_PASSWORD must be set together',
    );
  }
  if (!USERNAME_PATTERN.test(username)) {
    throw new ConfigError('DUBAN_ADMIN_USERNAME', `DUBAN_ADMIN_USERNAME "${username}" is not a valid username`);
  }
  checkPassword('DUBAN_ADMIN_PASSWORD', password);
  return { username, password };
}

export function checkPassword(setting: string, password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new ConfigError(setting, `${setting} must be ${MIN_PASSWORD_LENGTH}-${MAX_PASSWORD_LENGTH} characters long`);
  }
}
