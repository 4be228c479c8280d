import { SetMetadata } from '@nestjs/common';
import { Role } from './auth-user';

export const ROLES_KEY = 'duban:auth:roles';

/**
 * Restricts a route (or controller) to the given roles; enforced by the global RolesGuard
 * (roles.guard.ts). A method-level list replaces the controller-level one.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
