import { ConfigError } from '@duban/domain/errors/config-error';
import { Role } from '../auth-user';
import { Env } from '../jwt-secret';
import { parseRoleMap } from './role-map';

/** Where the provider sends the browser back; the route of OidcLoginController. */
export const OIDC_CALLBACK_PATH = '/ui/login/oidc/callback';
/** Where the provider sends the browser after its own sign-out (RP-initiated logout). */
export const OIDC_POST_LOGOUT_PATH = '/ui/login';
export const DEFAULT_OIDC_LABEL = '统一身份认证登录';

/** Single sign-on with an OpenID Connect provider (authorization code + PKCE), from OIDC_* at start. */
export interface OidcConfig {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUri: URL;
  postLogoutRedirectUri: URL;
  /** Space-separated, always with `openid`. */
  scope: string;
  /** The claim holding our username: the account it names must exist here already. */
  usernameClaim: string;
  /** When set, the account's role follows this claim through the map at every sign-in. */
  roleMapping: { claim: string; roles: ReadonlyMap<string, Role> } | null;
  /** When set, the account's unit follows this claim (a unit code, name or alias) at every sign-in. */
  unitClaim: string | null;
  /** Text of the button on the login page. */
  label: string;
  /** An http issuer is accepted on loopback only (a provider on this machine, the tests). */
  allowHttp: boolean;
}

const OIDC_VARIABLES = [
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_REDIRECT_URI',
  'OIDC_SCOPES',
  'OIDC_USERNAME_CLAIM',
  'OIDC_ROLE_CLAIM',
  'OIDC_ROLE_MAP',
  'OIDC_UNIT_CLAIM',
  'OIDC_LABEL',
];

/** The OIDC settings, or null when OIDC_ISSUER is unset (password sign-in only). */
export function loadOidcConfig(env: Env = process.env): OidcConfig | null {
  const issuerText = setting(env, 'OIDC_ISSUER');
  if (!issuerText) {
    const stray = OIDC_VARIABLES.find((name) => setting(env, name));
    if (stray) {
      throw new ConfigError('OIDC_ISSUER', `${stray} is set but OIDC_ISSUER is not: set both, or neither`);
    }
    return null;
  }
  const issuer = absoluteUrl('OIDC_ISSUER', issuerText);
  if (issuer.search || issuer.hash) {
    throw new ConfigError('OIDC_ISSUER', `OIDC_ISSUER must be the issuer identifier, without ?query or #fragment`);
  }
  const allowHttp = issuer.protocol === 'http:' && isLoopback(issuer.hostname);
  if (issuer.protocol !== 'https:' && !allowHttp) {
    throw new ConfigError('OIDC_ISSUER', `OIDC_ISSUER must use https (http only on localhost), got "${issuerText}"`);
  }
  const redirectUri = redirectUriOf(env);
  const scope = setting(env, 'OIDC_SCOPES') ?? 'openid profile';
  if (!scope.split(/\s+/).includes('openid')) {
    throw new ConfigError('OIDC_SCOPES', `OIDC_SCOPES must include openid, got "${scope}"`);
  }
  return {
    issuer,
    clientId: required(env, 'OIDC_CLIENT_ID'),
    clientSecret: required(env, 'OIDC_CLIENT_SECRET'),
    redirectUri,
    postLogoutRedirectUri: new URL(OIDC_POST_LOGOUT_PATH, redirectUri),
    scope: scope.split(/\s+/).join(' '),
    usernameClaim: setting(env, 'OIDC_USERNAME_CLAIM') ?? 'preferred_username',
    roleMapping: roleMappingOf(env),
    unitClaim: setting(env, 'OIDC_UNIT_CLAIM') ?? null,
    label: setting(env, 'OIDC_LABEL') ?? DEFAULT_OIDC_LABEL,
    allowHttp,
  };
}

/** OIDC_REDIRECT_URI, or PUBLIC_URL + the callback path; either way it must end in that path. */
function redirectUriOf(env: Env): URL {
  const explicit = setting(env, 'OIDC_REDIRECT_URI');
  const publicUrl = setting(env, 'PUBLIC_URL');
  if (!explicit && !publicUrl) {
    throw new ConfigError(
      'OIDC_REDIRECT_URI',
      `OIDC_REDIRECT_URI is required with OIDC_ISSUER (or set PUBLIC_URL, and it is PUBLIC_URL${OIDC_CALLBACK_PATH})`,
    );
  }
  const uri = explicit
    ? absoluteUrl('OIDC_REDIRECT_URI', explicit)
    : new URL(OIDC_CALLBACK_PATH, absoluteUrl('PUBLIC_URL', publicUrl!));
  if (uri.pathname !== OIDC_CALLBACK_PATH || uri.search || uri.hash) {
    throw new ConfigError(
      'OIDC_REDIRECT_URI',
      `OIDC_REDIRECT_URI must be <this system's address>${OIDC_CALLBACK_PATH}, got "${uri.href}"`,
    );
  }
  return uri;
}

function roleMappingOf(env: Env): OidcConfig['roleMapping'] {
  const claim = setting(env, 'OIDC_ROLE_CLAIM');
  const map = setting(env, 'OIDC_ROLE_MAP');
  if (!claim && !map) return null;
  if (!claim) throw new ConfigError('OIDC_ROLE_CLAIM', 'OIDC_ROLE_MAP is set but OIDC_ROLE_CLAIM is not: set both');
  if (!map) throw new ConfigError('OIDC_ROLE_MAP', 'OIDC_ROLE_CLAIM is set but OIDC_ROLE_MAP is not: set both');
  return { claim, roles: parseRoleMap(map) };
}

function setting(env: Env, name: string): string | undefined {
  return env[name]?.trim() || undefined;
}

function required(env: Env, name: string): string {
  const value = setting(env, name);
  if (!value) throw new ConfigError(name, `${name} is required with OIDC_ISSUER`);
  return value;
}

function absoluteUrl(name: string, text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(name, `${name} is not an absolute URL, got "${text}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(name, `${name} must be an http(s) URL, got "${text}"`);
  }
  return url;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
