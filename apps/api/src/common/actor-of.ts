import { ActorRef } from '@duban/domain/access/actor';
import { AuthUser } from '../auth/auth-user';

/** The authenticated user as the domain and the workflows see an actor. */
export function actorOf(user: AuthUser): ActorRef {
  return { userId: user.id, role: user.role, unitCode: user.unitCode, deputyUnits: user.deputyUnits };
}
