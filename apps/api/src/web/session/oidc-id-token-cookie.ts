import { Request, Response } from 'express';
import { parseCookies } from '../../auth/web-session-cookie';

/**
 * The provider's ID token of a single sign-on session, kept only to name the session when it ends
 * (id_token_hint of the provider's sign-out). Same attributes as the session cookies.
 */
export const OIDC_ID_TOKEN_COOKIE = 'duban_oidc_idt';

export function setOidcIdTokenCookie(req: Request, res: Response, idToken: string, refreshTtlSeconds: number): void {
  res.cookie(OIDC_ID_TOKEN_COOKIE, idToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: '/ui',
    maxAge: refreshTtlSeconds * 1000,
  });
}

export function oidcIdToken(req: Request): string | undefined {
  return parseCookies(req.headers.cookie)[OIDC_ID_TOKEN_COOKIE] || undefined;
}

export function clearOidcIdTokenCookie(res: Response): void {
  res.clearCookie(OIDC_ID_TOKEN_COOKIE, { path: '/ui' });
}
