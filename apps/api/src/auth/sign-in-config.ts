import { ConfigError } from '@duban/domain/errors/config-error';
import { Env } from './jwt-secret';
import { loadOidcConfig, OidcConfig } from './oidc/oidc-config';

export const SIGN_IN_CONFIG = Symbol('SIGN_IN_CONFIG');

/** How people sign in: local passwords (AUTH_LOCAL_PASSWORDS), single sign-on (OIDC_*), or both. */
export interface SignInConfig {
  /** false: /auth/login and the password form refuse every attempt; single sign-on only. */
  localPasswords: boolean;
  oidc: OidcConfig | null;
}

const SWITCH = new Map([
  ...['on', 'true', '1', 'yes'].map((word) => [word, true] as const),
  ...['off', 'false', '0', 'no'].map((word) => [word, false] as const),
]);

export function loadSignInConfig(env: Env = process.env): SignInConfig {
  const text = env.AUTH_LOCAL_PASSWORDS?.trim().toLowerCase() || 'on';
  const localPasswords = SWITCH.get(text);
  if (localPasswords === undefined) {
    throw new ConfigError(
      'AUTH_LOCAL_PASSWORDS',
      `AUTH_LOCAL_PASSWORDS must be on or off, got "${env.AUTH_LOCAL_PASSWORDS}"`,
    );
  }
  const oidc = loadOidcConfig(env);
  if (!localPasswords && !oidc) {
    throw new ConfigError(
      'AUTH_LOCAL_PASSWORDS',
      'AUTH_LOCAL_PASSWORDS=off needs OIDC_ISSUER: without passwords and single sign-on nobody could sign in',
    );
  }
  return { localPasswords, oidc };
}
