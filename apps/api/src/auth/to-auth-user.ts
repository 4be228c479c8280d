import { UserEntity } from '@duban/persistence/entities';
import { AuthUser, isRole } from './auth-user';

/** The public view of an account; never carries the password hash. */
export function toAuthUser(
  user: Pick<UserEntity, 'id' | 'username' | 'displayName' | 'role' | 'unitCode' | 'deputyUnits'>,
): AuthUser {
  if (!isRole(user.role)) throw new Error(`app_user ${user.id} has unknown role "${user.role}"`);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitCode: user.unitCode,
    deputyUnits: [...(user.deputyUnits ?? [])],
  };
}
