import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { AuthService } from './auth.service';
import { AuthenticatedRequest } from './authenticated-request';
import { BEFORE_PASSWORD_CHANGE_KEY, IS_PUBLIC_KEY } from './public.decorator';
import { PasswordChangeRequiredError, UnauthenticatedError } from './auth-errors';
import { webSessionToken } from './web-session-cookie';

/** Reads `Authorization: Bearer <token>`; anything else counts as no token. */
export function bearerToken(req: Pick<Request, 'headers'>): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/**
 * Global guard: every route needs a valid, unrevoked access token of an active user, except those
 * marked @Public(). Deny by default, so a new controller cannot be left open by mistake.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // Bearer for the API; the HttpOnly session cookie only on the web pages (/ui/…).
    const token = bearerToken(req) ?? webSessionToken(req);
    if (!token) throw new UnauthenticatedError('missing');
    const { user, claims, mustChangePassword } = await this.auth.authenticate(token);
    req.user = user;
    req.accessToken = { jti: claims.jti, exp: claims.exp, fam: claims.fam };
    if (mustChangePassword && !this.allowedBeforePasswordChange(context)) throw new PasswordChangeRequiredError();
    return true;
  }

  private allowedBeforePasswordChange(context: ExecutionContext): boolean {
    return (
      this.reflector.getAllAndOverride<boolean>(BEFORE_PASSWORD_CHANGE_KEY, [
        context.getHandler(),
        context.getClass(),
      ]) === true
    );
  }
}
