import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'duban:auth:public';

/** Marks a route (or a whole controller) as reachable without an access token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

export const BEFORE_PASSWORD_CHANGE_KEY = 'duban:auth:before-password-change';

/**
 * Marks what an account that must choose its password may still reach: its own account, the
 * password change, sign-out. Everything else answers 403 PASSWORD_CHANGE_REQUIRED until then.
 */
export const AllowedBeforePasswordChange = (): MethodDecorator & ClassDecorator =>
  SetMetadata(BEFORE_PASSWORD_CHANGE_KEY, true);
