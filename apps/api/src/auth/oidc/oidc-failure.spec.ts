import { DomainError } from '@duban/domain/errors/domain-error';
import { OidcAccountUnknownError, OidcSignInFailedError } from './oidc-errors';
import { oidcFailureOf } from './oidc-failure';

/** An error as openid-client / oauth4webapi throw it: told apart by name, code and cause. */
function libraryError(name: string, fields: Record<string, unknown> = {}, cause?: Error): Error {
  const error = Object.assign(new Error(`${name} happened`, { cause }), fields);
  error.name = name;
  return error;
}

function failure(error: unknown): OidcSignInFailedError {
  const mapped = oidcFailureOf(error);
  expect(mapped).toBeInstanceOf(OidcSignInFailedError);
  return mapped as OidcSignInFailedError;
}

describe('oidcFailureOf', () => {
  it('keeps our own refusals as they are', () => {
    const unknown = new OidcAccountUnknownError('zhang');
    expect(oidcFailureOf(unknown)).toBe(unknown);
  });

  it('reads a refusal of the provider (the person cancelled) as denied, 403, with its code', () => {
    const denied = failure(libraryError('AuthorizationResponseError', { error: 'access_denied' }));
    expect(denied).toMatchObject({ kind: 'denied', reason: 'access_denied', status: 403 });
    expect(denied.messageZh).toBe('统一身份认证未通过（access_denied），请重新登录');
  });

  it('reads a callback of another or an old sign-in as expired, 400', () => {
    for (const message of [
      'unexpected "state" response parameter value',
      'response parameter "iss" (issuer) missing',
    ]) {
      const wrapped = libraryError('ClientError', { code: 'OAUTH_INVALID_RESPONSE' }, new Error(message));
      expect(failure(wrapped)).toMatchObject({
        kind: 'expired',
        status: 400,
        messageZh: '登录请求已过期或无效，请重新登录',
      });
    }
  });

  it('reads a refused code or a bad ID token as rejected, 502', () => {
    expect(failure(libraryError('ResponseBodyError', { error: 'invalid_grant' }))).toMatchObject({
      kind: 'rejected',
      reason: 'invalid_grant',
      status: 502,
    });
    const badNonce = libraryError(
      'ClientError',
      { code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' },
      new Error('unexpected ID Token "nonce" claim value'),
    );
    expect(failure(badNonce)).toMatchObject({ kind: 'rejected', reason: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' });
  });

  it('reads a provider that does not answer as unreachable, 503', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4000'), { code: 'ECONNREFUSED' });
    const fetchFailed = new TypeError('fetch failed', { cause: refused });
    expect(failure(fetchFailed)).toMatchObject({ kind: 'unreachable', status: 503, code: 'OIDC_UNAVAILABLE' });
    expect(failure(libraryError('ClientError', {}, libraryError('TimeoutError')))).toMatchObject({
      kind: 'unreachable',
    });
    expect(failure(fetchFailed).messageZh).toBe('暂时无法连接统一身份认证服务，请稍后重试');
  });

  it('gives everything a page can show', () => {
    expect(oidcFailureOf('odd')).toBeInstanceOf(DomainError);
    expect(failure(new RangeError('x'))).toMatchObject({ kind: 'rejected', reason: 'RangeError' });
  });
});
