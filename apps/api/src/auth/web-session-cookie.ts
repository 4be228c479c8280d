import { Request } from 'express';

/** Cookie names of a browser session of the web pages (/ui/…). */
export const ACCESS_COOKIE = 'duban_at';
export const REFRESH_COOKIE = 'duban_rt';
export const CSRF_COOKIE = 'duban_csrf';

/** Only the server-rendered pages accept the session cookie; the JSON API stays Bearer-only. */
export const WEB_PATH_PREFIX = '/ui';

/** Parses a Cookie header into name → value (first occurrence wins, values URI-decoded). */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || name in out) continue;
    const value = part.slice(eq + 1).trim();
    try {
      out[name] = decodeURIComponent(value);
    } catch {
      out[name] = value;
    }
  }
  return out;
}

function isWebPath(path: string): boolean {
  return path === WEB_PATH_PREFIX || path.startsWith(`${WEB_PATH_PREFIX}/`);
}

/** The access token carried by the session cookie, for page requests only. */
export function webSessionToken(req: Pick<Request, 'headers' | 'path'>): string | undefined {
  if (typeof req.path !== 'string' || !isWebPath(req.path)) return undefined;
  return parseCookies(req.headers.cookie)[ACCESS_COOKIE] || undefined;
}
