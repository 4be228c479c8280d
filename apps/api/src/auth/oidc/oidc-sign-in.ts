import { Inject, Injectable } from '@nestjs/common';
import { UnitRepository } from '@duban/persistence/repositories/unit-repository';
import { UserRepository } from '@duban/persistence/repositories/user-repository';
import { UserEntity } from '@duban/persistence/entities';
import { AuditLog } from '../audit-log';
import { AuthUser, isRole } from '../auth-user';
import { AuthService, LoginResult, normalizeUsername, RequestOrigin } from '../auth.service';
import { LOGIN_FAILED_ACTION } from '../login-throttle';
import { SIGN_IN_CONFIG, SignInConfig } from '../sign-in-config';
import { toAuthUser } from '../to-auth-user';
import { accountUpdateFromClaims } from './account-update-from-claims';
import { claimValues } from './claim-values';
import { OidcClient, OidcIdentity, OidcLoginChecks } from './oidc-client';
import {
  OidcAccountInactiveError,
  OidcAccountUnknownError,
  OidcSignInFailedError,
  OidcUsernameMissingError,
} from './oidc-errors';

/** The audit action of a role or unit taken over from the provider's claims. */
export const ACCOUNT_SYNC_ACTION = 'account-sync';

/**
 * Signs in the existing account the provider's username claim names, with a session like a
 * password sign-in's (marked `via: 'oidc'`). Unknown or deactivated accounts are refused, never
 * made or switched on; with OIDC_ROLE_CLAIM / OIDC_UNIT_CLAIM the account's role and unit follow
 * the claims at every sign-in. Every outcome goes to the audit log.
 */
@Injectable()
export class OidcSignIn {
  constructor(
    private readonly users: UserRepository,
    private readonly units: UnitRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditLog,
    private readonly client: OidcClient,
    @Inject(SIGN_IN_CONFIG) private readonly settings: SignInConfig,
  ) {}

  /**
   * Finishes a single sign-on: checks the provider's answer against the sign-in this browser
   * started (null: none, or it expired), then signs in the account it names.
   */
  async complete(
    callbackUrl: URL,
    checks: OidcLoginChecks | null,
    origin: RequestOrigin,
  ): Promise<{ login: LoginResult; idToken: string }> {
    let identity: OidcIdentity;
    try {
      if (!checks) throw new OidcSignInFailedError('expired', 'no sign-in under way');
      identity = await this.client.finishSignIn(callbackUrl, checks);
    } catch (error) {
      if (error instanceof OidcSignInFailedError) {
        await this.audit.record({
          action: LOGIN_FAILED_ACTION,
          outcome: 'failed',
          after: { ip: origin.ip, via: 'oidc' },
          detail: `oidc: ${error.kind} (${error.reason})`,
          requestId: origin.requestId,
        });
      }
      throw error;
    }
    return { login: await this.signInAccount(identity.claims, origin), idToken: identity.idToken };
  }

  /** Signs in the account the (validated) claims name. */
  async signInAccount(claims: Record<string, unknown>, origin: RequestOrigin): Promise<LoginResult> {
    const config = this.settings.oidc!;
    const [claimed] = claimValues(claims, config.usernameClaim);
    const trace = {
      username: claimed ? normalizeUsername(claimed) : null,
      ip: origin.ip,
      via: 'oidc',
      sub: claims.sub,
    };
    const refuse = async (detail: string, actor: AuthUser | null, error: Error): Promise<never> => {
      await this.audit.record({
        action: LOGIN_FAILED_ACTION,
        outcome: actor ? 'denied' : 'failed',
        actor,
        after: trace,
        detail: `oidc: ${detail}`,
        requestId: origin.requestId,
      });
      throw error;
    };
    if (!claimed)
      return refuse(`no ${config.usernameClaim} claim`, null, new OidcUsernameMissingError(config.usernameClaim));
    const user = await this.users.findByUsername(normalizeUsername(claimed));
    if (!user) return refuse('unknown user', null, new OidcAccountUnknownError(claimed));
    if (!user.active) return refuse('account inactive', toAuthUser(user), new OidcAccountInactiveError(user.username));
    await this.followClaims(user, claims, origin);
    // No initial password to replace: the provider vouched for this person.
    return this.auth.openSession(user, trace, origin, 'oidc');
  }

  /** Takes the role and unit the claims give the account, when configured and valid. */
  private async followClaims(user: UserEntity, claims: Record<string, unknown>, origin: RequestOrigin): Promise<void> {
    const config = this.settings.oidc!;
    if (!config.roleMapping && !config.unitClaim) return;
    if (!isRole(user.role)) return;
    const before = { role: user.role, unitCode: user.unitCode, deputyUnits: [...user.deputyUnits] };
    const units = config.unitClaim ? await this.units.active() : [];
    const update = accountUpdateFromClaims(claims, config, before, units);
    const notes = [...update.violations, ...update.unmatched.map((v) => `unmatched claim ${v}`)];
    if (!update.changed && notes.length === 0) return;
    if (update.changed) {
      Object.assign(user, update.next);
      await this.users.save(user);
    }
    await this.audit.record({
      action: ACCOUNT_SYNC_ACTION,
      // rejected: the claims would make an account the rules forbid, so it was left as it was.
      outcome: update.violations.length > 0 ? 'rejected' : 'ok',
      actor: toAuthUser(user),
      subject: user.id,
      before,
      after: update.changed ? update.next : undefined,
      detail: ['role/unit from OIDC claims', ...notes].join('; '),
      requestId: origin.requestId,
    });
  }
}
