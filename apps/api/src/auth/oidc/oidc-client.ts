import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Configuration } from 'openid-client';
import { SIGN_IN_CONFIG, SignInConfig } from '../sign-in-config';
import { claimValues } from './claim-values';
import { OidcConfig } from './oidc-config';
import { OidcSignInFailedError } from './oidc-errors';
import { oidcFailureOf } from './oidc-failure';
import { loadOpenIdClient, OpenIdClientLibrary } from './openid-client-library';

/** What the browser must bring back from the provider: kept in the login cookie meanwhile. */
export interface OidcLoginChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** A person the provider vouched for: the validated ID token's claims (with userinfo's where it lacks). */
export interface OidcIdentity {
  claims: Record<string, unknown>;
  /** Kept for the provider's sign-out (id_token_hint). */
  idToken: string;
}

interface Provider {
  lib: OpenIdClientLibrary;
  configuration: Configuration;
}

/** Seconds each call to the provider may take. */
const PROVIDER_TIMEOUT_SECONDS = 10;

/**
 * The relying party of OIDC_ISSUER (openid-client): authorization code with PKCE, state and nonce.
 * The provider's metadata is discovered once, at start, and again after a failed discovery, so the
 * API starts (and password sign-in works) while the provider is down.
 */
@Injectable()
export class OidcClient implements OnModuleInit {
  private readonly logger = new Logger(OidcClient.name);
  private discovered?: Promise<Provider>;

  constructor(@Inject(SIGN_IN_CONFIG) private readonly signIn: SignInConfig) {}

  /** The OIDC settings; null when single sign-on is not configured. */
  get config(): OidcConfig | null {
    return this.signIn.oidc;
  }

  onModuleInit(): void {
    if (!this.config) return;
    this.provider().catch((error: unknown) =>
      this.logger.warn(`OIDC discovery of ${this.config!.issuer.href} failed (retried at the next sign-in): ${error}`),
    );
  }

  /** Fresh state, nonce and PKCE verifier, and the provider's URL that asks the person to sign in. */
  async startSignIn(): Promise<{ checks: OidcLoginChecks; url: URL }> {
    const config = this.required();
    const { lib, configuration } = await this.provider();
    const checks = { state: lib.randomState(), nonce: lib.randomNonce(), codeVerifier: lib.randomPKCECodeVerifier() };
    const url = lib.buildAuthorizationUrl(configuration, {
      redirect_uri: config.redirectUri.href,
      scope: config.scope,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await lib.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { checks, url };
  }

  /**
   * Checks the provider's answer (state, issuer, error), exchanges the code with the verifier and
   * validates the ID token (signature, issuer, audience, expiry, nonce). Failures are
   * OidcSignInFailedError.
   */
  async finishSignIn(callbackUrl: URL, checks: OidcLoginChecks): Promise<OidcIdentity> {
    const config = this.required();
    try {
      const { lib, configuration } = await this.provider();
      const tokens = await lib.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims()!;
      const wanted = [config.usernameClaim, config.roleMapping?.claim, config.unitClaim].filter(
        (claim): claim is string => !!claim,
      );
      // Many providers put only sub in the ID token and the rest in userinfo.
      const lacking = wanted.some((claim) => claimValues(idClaims, claim).length === 0);
      const userinfo =
        lacking && configuration.serverMetadata().userinfo_endpoint
          ? await lib.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)
          : {};
      return { claims: { ...userinfo, ...idClaims }, idToken: tokens.id_token! };
    } catch (error) {
      const failure = oidcFailureOf(error);
      // The person sees one line; whoever runs the system needs the library's own account of it.
      if (failure instanceof OidcSignInFailedError && failure.kind !== 'denied') {
        this.logger.warn(`OIDC sign-in failed (${failure.kind}): ${error instanceof Error ? error.stack : error}`);
      }
      throw failure;
    }
  }

  /**
   * The provider's sign-out URL (RP-initiated logout) that comes back to the login page, or null
   * when it has none or cannot be reached (the local session ends all the same).
   */
  async endSessionUrl(idTokenHint: string | undefined): Promise<URL | null> {
    const config = this.required();
    try {
      const { lib, configuration } = await this.provider();
      if (!configuration.serverMetadata().end_session_endpoint) return null;
      return lib.buildEndSessionUrl(configuration, {
        post_logout_redirect_uri: config.postLogoutRedirectUri.href,
        ...(idTokenHint ? { id_token_hint: idTokenHint } : {}),
      });
    } catch (error) {
      this.logger.warn(`no OIDC sign-out at the provider: ${error}`);
      return null;
    }
  }

  private required(): OidcConfig {
    if (!this.config) throw new Error('OIDC is not configured (OIDC_ISSUER)');
    return this.config;
  }

  private provider(): Promise<Provider> {
    this.discovered ??= this.discover().catch((error: unknown) => {
      this.discovered = undefined;
      throw oidcFailureOf(error);
    });
    return this.discovered;
  }

  private async discover(): Promise<Provider> {
    const config = this.required();
    const lib = await loadOpenIdClient();
    const configuration = await lib.discovery(config.issuer, config.clientId, config.clientSecret, undefined, {
      timeout: PROVIDER_TIMEOUT_SECONDS,
      execute: config.allowHttp ? [lib.allowInsecureRequests] : [],
    });
    configuration.timeout = PROVIDER_TIMEOUT_SECONDS;
    return { lib, configuration };
  }
}
