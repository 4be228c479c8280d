import { DomainError } from '@duban/domain/errors/domain-error';

/** 403: the provider vouched for someone without an account here. Accounts are never made by sign-in. */
export class OidcAccountUnknownError extends DomainError {
  constructor(username: string) {
    super(
      'OIDC_ACCOUNT_UNKNOWN',
      403,
      `统一身份认证账号 ${username} 未在本系统开通，请联系管理员`,
      `The single sign-on account ${username} has no account in this system; ask an administrator`,
      { username },
    );
  }
}

/** 403: the account exists but is switched off; the provider's word does not switch it on. */
export class OidcAccountInactiveError extends DomainError {
  constructor(username: string) {
    super(
      'ACCOUNT_INACTIVE',
      403,
      `账号 ${username} 已停用，请联系管理员`,
      `The account ${username} is deactivated; ask an administrator`,
      { username },
    );
  }
}

/** 403: the provider's answer lacks the claim that names the account (OIDC_USERNAME_CLAIM). */
export class OidcUsernameMissingError extends DomainError {
  constructor(claim: string) {
    super(
      'OIDC_USERNAME_MISSING',
      403,
      `统一身份认证未提供用户名（${claim}），请联系管理员`,
      `The provider sent no "${claim}" claim to name the account; ask an administrator`,
      { claim },
    );
  }
}

/**
 * Why a single sign-on did not complete, in words a person can act on:
 * denied — the provider said no (or the person cancelled there);
 * expired — no, an old or someone else's sign-in request came back (state, cookie);
 * rejected — the provider's answer did not hold up (code exchange, ID token checks);
 * unreachable — the provider did not answer.
 */
export type OidcFailureKind = 'denied' | 'expired' | 'rejected' | 'unreachable';

const FAILURES: Record<OidcFailureKind, { status: number; zh: string; en: string }> = {
  denied: { status: 403, zh: '统一身份认证未通过', en: 'The single sign-on provider refused the sign-in' },
  expired: { status: 400, zh: '登录请求已过期或无效', en: 'The sign-in request expired or is not this browser’s' },
  rejected: { status: 502, zh: '统一身份认证返回的登录凭据无效', en: 'The provider’s answer failed validation' },
  unreachable: { status: 503, zh: '暂时无法连接统一身份认证服务', en: 'The single sign-on provider is unreachable' },
};

export class OidcSignInFailedError extends DomainError {
  constructor(
    readonly kind: OidcFailureKind,
    /** The provider's error code (access_denied …) or what failed, for the page and the audit log. */
    readonly reason: string,
  ) {
    const failure = FAILURES[kind];
    const advice = kind === 'unreachable' ? '请稍后重试' : '请重新登录';
    // The provider's code (access_denied, invalid_grant …) helps whoever looks into it; ours would not.
    const code = kind === 'denied' || kind === 'rejected' ? `（${reason}）` : '';
    super(
      kind === 'unreachable' ? 'OIDC_UNAVAILABLE' : 'OIDC_FAILED',
      failure.status,
      `${failure.zh}${code}，${advice}`,
      `${failure.en} (${reason})`,
      { kind, reason },
    );
  }
}
