import { DomainError } from '@duban/domain/errors/domain-error';

/** 403 for every password sign-in while AUTH_LOCAL_PASSWORDS=off: single sign-on is the only way in. */
export class LocalPasswordsOffError extends DomainError {
  constructor() {
    super(
      'LOCAL_PASSWORDS_OFF',
      403,
      '本系统已关闭密码登录，请使用统一身份认证登录',
      'Password sign-in is switched off here; sign in through single sign-on',
    );
  }
}
