import { JwtService } from '@nestjs/jwt';
import { AuthConfig } from './auth-config';
import { RefreshTokenReusedError, UnauthenticatedError } from './auth-errors';
import { RevokedTokenStore } from './revoked-token.store';
import { TokenService } from './token.service';

/** Same contract as the PostgreSQL store: revoke() is true only for the first caller. */
class InMemoryRevokedTokens {
  readonly revoked = new Map<string, Date>();
  async revoke(jti: string, expiresAt: Date): Promise<boolean> {
    if (this.revoked.has(jti)) return false;
    this.revoked.set(jti, expiresAt);
    return true;
  }
  async isRevoked(jti: string): Promise<boolean> {
    return this.revoked.has(jti);
  }
}

const config: AuthConfig = {
  jwtSecret: 'test-secret-test-secret-test-secret-0123',
  accessTtlSeconds: 900,
  refreshTtlSeconds: 7 * 86400,
  loginMaxFailures: 5,
  loginMaxFailuresPerIp: 30,
  loginWindowSeconds: 900,
};

function setup(overrides: Partial<AuthConfig> = {}) {
  const store = new InMemoryRevokedTokens();
  const service = new TokenService(new JwtService({}), store as unknown as RevokedTokenStore, {
    ...config,
    ...overrides,
  });
  return { store, service };
}

const USER = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';

describe('TokenService', () => {
  afterEach(() => jest.useRealTimers());

  it('issues an access/refresh pair whose claims verify with their own kind only', async () => {
    const { service } = setup();
    const pair = await service.issuePair(USER);
    expect(pair.expiresIn).toBe(900);
    const access = await service.verify(pair.accessToken, 'access');
    const refresh = await service.verify(pair.refreshToken, 'refresh');
    expect(access.sub).toBe(USER);
    expect(access.exp - access.iat).toBe(900);
    expect(refresh.exp - refresh.iat).toBe(7 * 86400);
    expect(access.jti).not.toBe(refresh.jti);
    await expect(service.verify(pair.refreshToken, 'access')).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(service.verify(pair.accessToken, 'refresh')).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('rejects a token signed with another secret or altered', async () => {
    const { service } = setup();
    const { service: other } = setup({ jwtSecret: 'another-secret-another-secret-another-1' });
    const foreign = (await other.issuePair(USER)).accessToken;
    await expect(service.verify(foreign, 'access')).rejects.toBeInstanceOf(UnauthenticatedError);
    const token = (await service.issuePair(USER)).accessToken;
    const [head, body, sig] = token.split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...payload, sub: 'someone-else' })).toString('base64url');
    await expect(service.verify(`${head}.${forged}.${sig}`, 'access')).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('rejects an access token once its lifetime has passed', async () => {
    // Only the clock is faked: jsonwebtoken's async API needs real setImmediate.
    jest.useFakeTimers({
      now: new Date('2021-03-01T08:00:00Z'),
      doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'setTimeout'],
    });
    const { service } = setup({ accessTtlSeconds: 60 });
    const { accessToken } = await service.issuePair(USER);
    jest.setSystemTime(new Date('2021-03-01T08:00:59Z'));
    await expect(service.verify(accessToken, 'access')).resolves.toMatchObject({ sub: USER });
    jest.setSystemTime(new Date('2021-03-01T08:01:01Z'));
    await expect(service.verify(accessToken, 'access')).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('revokes a token until its expiry', async () => {
    const { service, store } = setup();
    const claims = await service.verify((await service.issuePair(USER)).accessToken, 'access');
    await expect(service.isRevoked(claims.jti)).resolves.toBe(false);
    await expect(service.revoke(claims)).resolves.toBe(true);
    await expect(service.isRevoked(claims.jti)).resolves.toBe(true);
    expect(store.revoked.get(claims.jti)).toEqual(new Date(claims.exp * 1000));
    await expect(service.revoke(claims)).resolves.toBe(false);
  });

  it('rotates a refresh token exactly once; a reuse ends the whole token family', async () => {
    const { service } = setup();
    const first = await service.issuePair(USER);
    const { claims, pair } = await service.rotate(first.refreshToken);
    expect(claims.sub).toBe(USER);
    expect(pair.refreshToken).not.toBe(first.refreshToken);
    await expect(service.rotate(first.refreshToken)).rejects.toBeInstanceOf(RefreshTokenReusedError);
    // The reuse revoked the whole family: the pair rotated from it is dead too.
    await expect(service.rotate(pair.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('lets only one of two concurrent rotations of the same refresh token through', async () => {
    const { service } = setup();
    const { refreshToken } = await service.issuePair(USER);
    const results = await Promise.allSettled([service.rotate(refreshToken), service.rotate(refreshToken)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected?.reason).toBeInstanceOf(RefreshTokenReusedError);
  });

  it('marks a single sign-on session in both tokens, through every rotation; a password one not at all', async () => {
    const { service } = setup();
    const sso = await service.issuePair(USER, undefined, 'oidc');
    await expect(service.verify(sso.accessToken, 'access')).resolves.toMatchObject({ via: 'oidc' });
    const { pair } = await service.rotate(sso.refreshToken);
    await expect(service.verify(pair.accessToken, 'access')).resolves.toMatchObject({ via: 'oidc' });
    await expect(service.verify(pair.refreshToken, 'refresh')).resolves.toMatchObject({ via: 'oidc' });
    const password = await service.issuePair(USER);
    expect(await service.verify(password.accessToken, 'access')).not.toHaveProperty('via');
    const rotated = await service.rotate(password.refreshToken);
    expect(await service.verify(rotated.pair.accessToken, 'access')).not.toHaveProperty('via');
  });

  it('does not accept an access token as a refresh token for rotation', async () => {
    const { service } = setup();
    const { accessToken } = await service.issuePair(USER);
    await expect(service.rotate(accessToken)).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
