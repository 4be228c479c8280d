import { timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Request } from 'express';
import { ForbiddenError } from '@duban/domain/errors/domain-error';
import { sessionCookies } from './web-session';

/**
 * Why a form POST is refused as cross-site, or null when it is ours: the Origin (or, without it,
 * the Referer) must be this host, and the posted `_csrf` must equal the CSRF cookie. SameSite=Strict
 * already keeps the session cookie off cross-site requests; this is the second lock.
 */
export function csrfProblem(
  req: Pick<Request, 'headers' | 'body'> & { query?: Request['query'] },
  cookieToken: string | undefined,
): string | null {
  const host = req.headers.host;
  const source = req.headers.origin ?? req.headers.referer;
  if (!source || !host) return 'missing Origin/Referer';
  let sourceHost: string;
  try {
    sourceHost = new URL(String(source)).host;
  } catch {
    return 'bad Origin/Referer';
  }
  if (sourceHost !== host) return 'cross-site Origin';
  // Multipart forms carry the token in their action URL, so it is checked before the body is read.
  const posted = (req.body as Record<string, unknown> | undefined)?._csrf ?? req.query?._csrf;
  if (typeof posted !== 'string' || !cookieToken) return 'missing CSRF token';
  const a = Buffer.from(posted);
  const b = Buffer.from(cookieToken);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return 'CSRF token mismatch';
  return null;
}

export function assertSameOriginForm(req: Request): void {
  const problem = csrfProblem(req, sessionCookies(req).csrf);
  if (problem) {
    throw new ForbiddenError('表单来源校验失败，请刷新页面后重试', `Form rejected (${problem}); reload the page`, {
      code: 'CSRF',
    });
  }
}

/**
 * The same check as a guard, for upload forms: guards run before multer, so a cross-site or
 * token-less upload is refused before a byte of it is received or stored.
 */
@Injectable()
export class SameOriginFormGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    assertSameOriginForm(context.switchToHttp().getRequest<Request>());
    return true;
  }
}
