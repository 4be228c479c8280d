import { Request } from 'express';
import { AuthUser } from './auth-user';

/** What the access-token guard attaches to a request it let through. */
export interface AuthenticatedRequest extends Request {
  user: AuthUser;
  /** Id and expiry (epoch seconds) of the access token used, so logout can revoke exactly it. */
  accessToken: { jti: string; exp: number; fam?: string };
}
