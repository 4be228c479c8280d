import { DomainError } from '@duban/domain/errors/domain-error';

/** 401: no, malformed, expired or revoked token. One message for all, so it leaks nothing. */
export class UnauthenticatedError extends DomainError {
  constructor(reason = 'token') {
    super('UNAUTHENTICATED', 401, '未登录或登录已失效，请重新登录', 'Not signed in or session expired', { reason });
  }
}

/** 401 for an unknown user, a wrong password and a deactivated account alike (no user enumeration). */
export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('INVALID_CREDENTIALS', 401, '用户名或密码错误', 'Wrong username or password');
  }
}

/** 401 when a refresh token is presented a second time: it was rotated already, maybe stolen. */
export class RefreshTokenReusedError extends DomainError {
  constructor() {
    super('REFRESH_TOKEN_REUSED', 401, '刷新令牌已使用过，请重新登录', 'Refresh token already used; sign in again');
  }
}

/** 429; the controller copies retryAfterSeconds into the Retry-After header. */
export class LoginThrottledError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'LOGIN_THROTTLED',
      429,
      `登录失败次数过多，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试`,
      `Too many failed sign-ins; retry in ${retryAfterSeconds} s`,
      { retryAfterSeconds },
    );
  }
}

/** 403 until an account an admin made or reset has chosen its own password. */
export class PasswordChangeRequiredError extends DomainError {
  constructor() {
    super(
      'PASSWORD_CHANGE_REQUIRED',
      403,
      '请先修改密码：管理员设置的初始密码须由本人更改后才能使用系统',
      'Change your password first (POST /auth/password): a password set by an admin must be replaced by its holder',
    );
  }
}
