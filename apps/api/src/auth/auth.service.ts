import { Inject, Injectable } from '@nestjs/common';
import { BadInputError } from '@duban/domain/errors/domain-error';
import { assertPasswordPolicy } from './assert-password-policy';
import { UserEntity } from '@duban/persistence/entities';
import { UserRepository } from '@duban/persistence/repositories/user-repository';
import { AccountInactiveError } from './account-inactive.error';
import { AuditLog } from './audit-log';
import { AuthUser } from './auth-user';
import {
  InvalidCredentialsError,
  LoginThrottledError,
  RefreshTokenReusedError,
  UnauthenticatedError,
} from './auth-errors';
import { LocalPasswordsOffError } from './local-passwords-off.error';
import { LOGIN_ACTION, LOGIN_FAILED_ACTION, LoginThrottle } from './login-throttle';
import { MAX_PASSWORD_LENGTH, PasswordHasher } from './password-hasher';
import { SIGN_IN_CONFIG, SignInConfig } from './sign-in-config';
import { toAuthUser } from './to-auth-user';
import { familyRevocationId, TokenClaims, TokenPair, TokenService } from './token.service';

export interface LoginResult extends TokenPair {
  user: AuthUser;
  /** The holder must choose a password (POST /auth/password) before anything else is allowed. */
  mustChangePassword: boolean;
}

/** Where a request came from, for throttling and the audit log. */
export interface RequestOrigin {
  ip: string;
  requestId?: string | null;
}

/** Usernames are stored lower-case; sign-in is case-insensitive and ignores surrounding blanks. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

@Injectable()
export class AuthService {
  constructor(
    private readonly userRows: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditLog,
    @Inject(SIGN_IN_CONFIG) private readonly signIn: SignInConfig,
  ) {}

  async login(rawUsername: string, password: string, origin: RequestOrigin): Promise<LoginResult> {
    const username = normalizeUsername(rawUsername);
    const trace = { username, ip: origin.ip };
    if (!this.signIn.localPasswords) {
      await this.audit.record({
        action: LOGIN_FAILED_ACTION,
        outcome: 'denied',
        after: trace,
        detail: 'local passwords off',
        requestId: origin.requestId,
      });
      throw new LocalPasswordsOffError();
    }
    const attempt = await this.throttle.attempt(username, origin.ip, async () => {
      const found = await this.userRows.findByUsername(username);
      const ok =
        found && password.length <= MAX_PASSWORD_LENGTH
          ? await this.hasher.verify(found.passwordHash, password)
          : await this.hasher.verifyAgainstNothing(password);
      return { ok: !!found && ok, value: { user: found, passwordOk: ok } };
    });
    if (!attempt.allowed) {
      await this.audit.record({
        action: LOGIN_FAILED_ACTION,
        outcome: 'denied',
        after: trace,
        detail: 'throttled',
        requestId: origin.requestId,
      });
      throw new LoginThrottledError(attempt.retryAfterSeconds);
    }
    const { user, passwordOk } = attempt.value;
    if (!user || !passwordOk) {
      await this.audit.record({
        action: LOGIN_FAILED_ACTION,
        outcome: 'failed',
        actor: user ? { id: user.id, role: user.role as AuthUser['role'], unitCode: user.unitCode } : null,
        after: trace,
        detail: user ? 'wrong password' : 'unknown user',
        requestId: origin.requestId,
      });
      throw new InvalidCredentialsError();
    }
    const authUser = toAuthUser(user);
    if (!user.active) {
      await this.audit.record({
        action: LOGIN_FAILED_ACTION,
        outcome: 'denied',
        actor: authUser,
        after: trace,
        detail: 'account inactive',
        requestId: origin.requestId,
      });
      throw new AccountInactiveError();
    }
    return this.openSession(user, trace, origin);
  }

  /**
   * A signed-in session for an account whose holder has proved who they are: the token pair and
   * the audit entry. A single sign-on session (`via: 'oidc'`) has no initial password to replace.
   */
  async openSession(user: UserEntity, trace: object, origin: RequestOrigin, via?: 'oidc'): Promise<LoginResult> {
    const authUser = toAuthUser(user);
    const pair = await this.tokens.issuePair(user.id, undefined, via ?? 'password');
    await this.audit.record({
      action: LOGIN_ACTION,
      outcome: 'ok',
      actor: authUser,
      after: trace,
      requestId: origin.requestId,
    });
    return { ...pair, user: authUser, mustChangePassword: via === 'oidc' ? false : user.mustChangePassword };
  }

  /**
   * Self-service password change: the current password proves it is the holder, the new one meets
   * the policy. Every other session of the account ends (a stolen token dies with the old
   * password); this one goes on with the fresh tokens returned.
   */
  async changePassword(
    user: AuthUser,
    currentPassword: string,
    newPassword: string,
    origin: RequestOrigin,
  ): Promise<LoginResult> {
    const row = await this.userRows.findById(user.id);
    if (!row || !row.active) throw new UnauthenticatedError('account');
    // Guesses at the current password count as failed sign-ins: a stolen session cannot try forever.
    const attempt = await this.throttle.attempt(row.username, origin.ip, async () => {
      const ok =
        currentPassword.length <= MAX_PASSWORD_LENGTH && (await this.hasher.verify(row.passwordHash, currentPassword));
      return { ok, value: ok };
    });
    const refused = (outcome: 'denied' | 'failed', detail: string) =>
      this.audit.record({
        action: 'password-change',
        outcome,
        actor: user,
        after: { username: row.username },
        detail,
        requestId: origin.requestId,
      });
    if (!attempt.allowed) {
      await refused('denied', 'throttled');
      throw new LoginThrottledError(attempt.retryAfterSeconds);
    }
    if (!attempt.value) {
      await refused('failed', 'wrong current password');
      throw new BadInputError('WRONG_CURRENT_PASSWORD', '当前密码不正确', 'The current password is wrong', {
        field: 'currentPassword',
      });
    }
    assertPasswordPolicy(newPassword, row.username, 'newPassword');
    if (newPassword === currentPassword) {
      throw new BadInputError(
        'SAME_PASSWORD',
        '新密码不能与当前密码相同',
        'The new password must differ from the current one',
        {
          field: 'newPassword',
        },
      );
    }
    row.passwordHash = await this.hasher.hash(newPassword);
    // Tokens carry whole seconds: those issued before this second end; the pair below (this second) lives.
    row.tokensValidAfter = new Date(Math.floor(Date.now() / 1000) * 1000 - 1);
    row.demo = false;
    row.mustChangePassword = false;
    await this.userRows.save(row);
    const pair = await this.tokens.issuePair(row.id);
    await this.audit.record({
      action: 'password-change',
      outcome: 'ok',
      actor: user,
      after: { username: row.username },
      requestId: origin.requestId,
    });
    return { ...pair, user: toAuthUser(row), mustChangePassword: false };
  }

  /** Rotates the refresh token; the account must still exist and be active. */
  async refresh(refreshToken: string, origin: RequestOrigin): Promise<LoginResult> {
    const { claims, pair } = await this.tokens.rotate(refreshToken).catch(async (error: unknown) => {
      if (error instanceof RefreshTokenReusedError) {
        await this.audit.record({
          action: 'token-refresh',
          outcome: 'denied',
          detail: 'refresh token reused',
          after: { ip: origin.ip },
          requestId: origin.requestId,
        });
      }
      throw error;
    });
    const user = await this.userRows.findById(claims.sub);
    if (!user || !user.active || issuedBefore(claims, user.tokensValidAfter)) {
      await this.tokens.revokeFamily(claims.fam);
      throw new UnauthenticatedError('account');
    }
    return { ...pair, user: toAuthUser(user), mustChangePassword: mustChangePassword(user, claims) };
  }

  /**
   * Ends the session: the access token in use, its whole family (so the refresh token dies with
   * it even when the client does not send it) and, if given and the caller's own, the refresh token.
   */
  async logout(
    user: AuthUser,
    access: Pick<TokenClaims, 'jti' | 'exp' | 'fam'>,
    refreshToken: string | undefined,
    origin: RequestOrigin,
  ): Promise<{ refreshRevoked: boolean }> {
    await this.tokens.revoke(access);
    await this.tokens.revokeFamily(access.fam);
    let refreshRevoked = !!access.fam;
    if (refreshToken) {
      const claims = await this.tokens.verify(refreshToken, 'refresh').catch(() => undefined);
      // An expired or foreign refresh token is ignored: it cannot be used by this caller anyway.
      if (claims && claims.sub === user.id) {
        await this.tokens.revoke(claims);
        await this.tokens.revokeFamily(claims.fam);
        refreshRevoked = true;
      }
    }
    await this.audit.record({
      action: 'logout',
      outcome: 'ok',
      actor: user,
      after: { ip: origin.ip, refreshRevoked },
      requestId: origin.requestId,
    });
    return { refreshRevoked };
  }

  /**
   * Checks an access token and loads its user in one query (with the revocation flag), so a logout,
   * a deactivation or a role change applies to the very next request.
   */
  async authenticate(
    accessToken: string,
  ): Promise<{ user: AuthUser; claims: TokenClaims; mustChangePassword: boolean }> {
    const claims = await this.tokens.verify(accessToken, 'access');
    const row = await this.userRows.session(claims.sub, [
      claims.jti,
      claims.fam ? familyRevocationId(claims.fam) : claims.jti,
    ]);
    if (!row || !row.active || issuedBefore(claims, row.tokensValidAfter)) throw new UnauthenticatedError('account');
    if (row.revoked) throw new UnauthenticatedError('revoked');
    const user = toAuthUser(row);
    return { user, claims, mustChangePassword: mustChangePassword(row, claims) };
  }
}

/**
 * An initial password must be replaced by its holder before anything else, but only in a session
 * that began with that password: a single sign-on session was vouched for by the provider, and its
 * holder may not know the local password at all.
 */
function mustChangePassword(user: { mustChangePassword: boolean }, claims: Pick<TokenClaims, 'via'>): boolean {
  return user.mustChangePassword && claims.via !== 'oidc';
}

/** Whether a token was issued before `validAfter` (a deactivation): such tokens stay dead. */
function issuedBefore(claims: Pick<TokenClaims, 'iat'>, validAfter: Date | null): boolean {
  // iat has whole seconds: a token issued in the same second as the deactivation counts as before.
  return validAfter !== null && claims.iat * 1000 <= validAfter.getTime();
}
