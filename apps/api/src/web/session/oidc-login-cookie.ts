import { createHmac, timingSafeEqual } from 'node:crypto';
import { Request, Response } from 'express';
import { OidcLoginChecks } from '../../auth/oidc/oidc-client';
import { parseCookies } from '../../auth/web-session-cookie';

export const OIDC_LOGIN_COOKIE = 'duban_oidc_login';
/** Sent only to the start and the callback of a single sign-on. */
const COOKIE_PATH = '/ui/login/oidc';
/** Time a person has at the provider before the sign-in must start over. */
export const OIDC_LOGIN_TTL_SECONDS = 600;

/** One sign-in under way: what the provider's answer must match, and the page to go to after. */
export interface OidcLogin extends OidcLoginChecks {
  next: string;
}

/**
 * The sign-in under way as `payload.signature` (HMAC-SHA256 with a key derived from the JWT
 * secret), so nobody can forge or alter the state, nonce or PKCE verifier it carries. It expires
 * with the cookie; the expiry inside keeps an old copy from being replayed.
 */
export function sealOidcLogin(login: OidcLogin, secret: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...login, exp: now + OIDC_LOGIN_TTL_SECONDS * 1000 })).toString(
    'base64url',
  );
  return `${payload}.${signature(payload, secret)}`;
}

/** The sign-in sealed in `value`, or null when it is missing, altered or expired. */
export function openOidcLogin(value: string | undefined, secret: string, now = Date.now()): OidcLogin | null {
  const [payload, mac, extra] = (value ?? '').split('.');
  if (!payload || !mac || extra !== undefined) return null;
  const expected = Buffer.from(signature(payload, secret));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<OidcLogin & { exp: number }>;
    const fields = [data.state, data.nonce, data.codeVerifier, data.next];
    if (!fields.every((f) => typeof f === 'string') || typeof data.exp !== 'number' || data.exp < now) return null;
    return { state: data.state!, nonce: data.nonce!, codeVerifier: data.codeVerifier!, next: data.next! };
  } catch {
    return null;
  }
}

/**
 * HttpOnly, and SameSite=Lax rather than Strict: the callback is a top-level navigation coming from
 * the provider's site, on which Lax cookies are sent and Strict ones are not.
 */
export function setOidcLoginCookie(req: Request, res: Response, login: OidcLogin, secret: string): void {
  res.cookie(OIDC_LOGIN_COOKIE, sealOidcLogin(login, secret), {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.secure,
    path: COOKIE_PATH,
    maxAge: OIDC_LOGIN_TTL_SECONDS * 1000,
  });
}

/** Reads the sign-in under way and clears the cookie: an answer of the provider is used once. */
export function takeOidcLoginCookie(req: Request, res: Response, secret: string): OidcLogin | null {
  res.clearCookie(OIDC_LOGIN_COOKIE, { path: COOKIE_PATH });
  return openOidcLogin(parseCookies(req.headers.cookie)[OIDC_LOGIN_COOKIE], secret);
}

function signature(payload: string, secret: string): string {
  // A key of its own, so this MAC can never pass for a token signature or the other way round.
  const key = createHmac('sha256', secret).update('duban oidc login cookie').digest();
  return createHmac('sha256', key).update(payload).digest('base64url');
}
