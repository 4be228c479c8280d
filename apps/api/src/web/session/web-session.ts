import { randomBytes } from 'node:crypto';
import { Request, Response } from 'express';
import { TokenPair } from '../../auth/token.service';
import { ACCESS_COOKIE, CSRF_COOKIE, parseCookies, REFRESH_COOKIE } from '../../auth/web-session-cookie';

/**
 * The browser session: access and refresh tokens in HttpOnly, SameSite=Strict cookies (scripts
 * cannot read them, other sites cannot send them), plus a CSRF token cookie whose value every
 * form posts back. Secure when the request came over HTTPS.
 */
export function setSessionCookies(req: Request, res: Response, pair: TokenPair, refreshTtlSeconds: number): void {
  const base = { httpOnly: true, sameSite: 'strict' as const, secure: req.secure, path: '/ui' };
  res.cookie(ACCESS_COOKIE, pair.accessToken, base);
  res.cookie(REFRESH_COOKIE, pair.refreshToken, { ...base, maxAge: refreshTtlSeconds * 1000 });
  res.cookie(CSRF_COOKIE, newCsrfToken(), { ...base, maxAge: refreshTtlSeconds * 1000 });
}

export function clearSessionCookies(res: Response): void {
  for (const name of [ACCESS_COOKIE, REFRESH_COOKIE]) res.clearCookie(name, { path: '/ui' });
}

export function sessionCookies(req: Request): { access?: string; refresh?: string; csrf?: string } {
  const c = parseCookies(req.headers.cookie);
  return { access: c[ACCESS_COOKIE], refresh: c[REFRESH_COOKIE], csrf: c[CSRF_COOKIE] };
}

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The CSRF token of this browser; a login page without one gets a fresh cookie. */
export function ensureCsrfCookie(req: Request, res: Response): string {
  const existing = sessionCookies(req).csrf;
  if (existing) return existing;
  const token = newCsrfToken();
  res.cookie(CSRF_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/ui' });
  return token;
}
