import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError } from '@duban/domain/errors/domain-error';
import { Role } from './auth-user';
import { AuthenticatedRequest } from './authenticated-request';
import { IS_PUBLIC_KEY } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';

/** Honours @Roles(); runs after the access-token guard, which has attached the user. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || roles.length === 0) return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;
    const user = context.switchToHttp().getRequest<Partial<AuthenticatedRequest>>().user;
    if (user && roles.includes(user.role)) return true;
    throw new ForbiddenError('当前角色无权执行此操作', 'Your role may not do this', {
      requiredRoles: roles,
      role: user?.role ?? null,
    });
  }
}
