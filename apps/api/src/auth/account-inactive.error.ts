import { DomainError } from '@duban/domain/errors/domain-error';

/** Right password, but the account is switched off; said plainly since the caller proved who they are. */
export class AccountInactiveError extends DomainError {
  constructor() {
    super('ACCOUNT_INACTIVE', 401, '账号已停用，请联系管理员', 'This account is deactivated; ask an administrator');
  }
}
