import { createParamDecorator, ExecutionContext, InternalServerErrorException } from '@nestjs/common';
import { AuthUser } from './auth-user';
import { AuthenticatedRequest } from './authenticated-request';

/**
 * The AuthUser the global access-token guard attached. On a @Public() route there is none: asking for
 * it there is a programming error, so it fails loudly instead of handing out undefined.
 */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<Partial<AuthenticatedRequest>>().user;
  if (!user) throw new InternalServerErrorException('@CurrentUser() used on a route without authentication');
  return user;
});
