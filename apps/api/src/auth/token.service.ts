import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { AUTH_CONFIG, AuthConfig } from './auth-config';
import { RefreshTokenReusedError, UnauthenticatedError } from './auth-errors';
import { RevokedTokenStore } from './revoked-token.store';

export type TokenKind = 'access' | 'refresh';

/** How a session began; tokens of a password sign-in carry no `via` (as before single sign-on). */
export type SignInMethod = 'password' | 'oidc';

/**
 * Claims this service puts in and reads back; `typ` keeps a refresh token from passing as access.
 * `fam` names the session (token family): every pair rotated from one sign-in shares it, so a
 * reused refresh token or a logout can end the whole session at once.
 */
export interface TokenClaims {
  sub: string;
  typ: TokenKind;
  jti: string;
  iat: number;
  exp: number;
  fam?: string;
  /** 'oidc': the session began with single sign-on, and every pair rotated from it says so. */
  via?: 'oidc';
}

/** The revoked_token id that ends a whole token family. */
export function familyRevocationId(family: string): string {
  return `fam:${family}`;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Access token lifetime in seconds. */
  expiresIn: number;
}

const ISSUER = 'duban';
const ALGORITHM = 'HS256';

/** Issues, verifies and revokes the HS256 access/refresh pair. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly revoked: RevokedTokenStore,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  /** A new access/refresh pair; `family` continues a session (rotation), omitted starts one. */
  async issuePair(
    userId: string,
    family: string = randomUUID(),
    method: SignInMethod = 'password',
  ): Promise<TokenPair> {
    const [accessToken, refreshToken] = await Promise.all([
      this.sign(userId, 'access', this.config.accessTtlSeconds, family, method),
      this.sign(userId, 'refresh', this.config.refreshTtlSeconds, family, method),
    ]);
    return { accessToken, refreshToken, expiresIn: this.config.accessTtlSeconds };
  }

  /** Signature, expiry, issuer and kind; not revocation (the guard checks that with the user lookup). */
  async verify(token: string, kind: TokenKind): Promise<TokenClaims> {
    let claims: Partial<TokenClaims>;
    try {
      claims = await this.jwt.verifyAsync<Partial<TokenClaims>>(token, {
        secret: this.config.jwtSecret,
        algorithms: [ALGORITHM],
        issuer: ISSUER,
      });
    } catch {
      throw new UnauthenticatedError(kind);
    }
    if (
      claims.typ !== kind ||
      typeof claims.sub !== 'string' ||
      typeof claims.jti !== 'string' ||
      typeof claims.exp !== 'number' ||
      (claims.fam !== undefined && typeof claims.fam !== 'string') ||
      (claims.via !== undefined && claims.via !== 'oidc')
    ) {
      throw new UnauthenticatedError(kind);
    }
    return claims as TokenClaims;
  }

  async isRevoked(jti: string): Promise<boolean> {
    return this.revoked.isRevoked(jti);
  }

  /** Revokes a verified token until it would have expired; true if this call revoked it. */
  revoke(claims: Pick<TokenClaims, 'jti' | 'exp'>): Promise<boolean> {
    return this.revoked.revoke(claims.jti, new Date(claims.exp * 1000));
  }

  /** Ends a whole session: every token of the family is refused from now on. */
  async revokeFamily(family: string | undefined): Promise<void> {
    if (!family) return;
    await this.revoked.revoke(
      familyRevocationId(family),
      new Date(Date.now() + (this.config.refreshTtlSeconds + 60) * 1000),
    );
  }

  /**
   * Refresh rotation: the presented refresh token is revoked and a new pair of the same family
   * issued. A second use of the same refresh token means it was stolen or replayed: the whole
   * family is revoked (the thief's and the owner's tokens alike) and the use refused.
   */
  async rotate(refreshToken: string): Promise<{ claims: TokenClaims; pair: TokenPair }> {
    const claims = await this.verify(refreshToken, 'refresh');
    if (claims.fam && (await this.revoked.isRevoked(familyRevocationId(claims.fam)))) {
      throw new UnauthenticatedError('revoked');
    }
    if (!(await this.revoke(claims))) {
      await this.revokeFamily(claims.fam);
      throw new RefreshTokenReusedError();
    }
    return { claims, pair: await this.issuePair(claims.sub, claims.fam, claims.via ?? 'password') };
  }

  private sign(
    userId: string,
    typ: TokenKind,
    ttlSeconds: number,
    family: string,
    method: SignInMethod,
  ): Promise<string> {
    return this.jwt.signAsync(method === 'oidc' ? { typ, fam: family, via: method } : { typ, fam: family }, {
      secret: this.config.jwtSecret,
      algorithm: ALGORITHM,
      issuer: ISSUER,
      subject: userId,
      jwtid: randomUUID(),
      expiresIn: ttlSeconds,
    });
  }
}
