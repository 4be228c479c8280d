import { ActorRole } from '@duban/domain/access/actor';

/** The five roles of the bureau; same strings as the domain's ActorRole so an AuthUser is an actor. */
export type Role = ActorRole;

export const ROLES: readonly Role[] = ['handler', 'unit-head', 'deputy-director', 'supervisor', 'admin'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The authenticated caller, loaded fresh from app_user on every request (role changes apply at once). */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** 承办/负责 unit; null for supervisors, admins and deputy directors without a home unit. */
  unitCode: string | null;
  /** Units a deputy director (分管领导) oversees; empty for the other roles. */
  deputyUnits: string[];
}
