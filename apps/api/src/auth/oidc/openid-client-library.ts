import type * as OpenIdClient from 'openid-client';

export type OpenIdClientLibrary = typeof OpenIdClient;

/**
 * openid-client v6 is ESM only. swc compiles this import() to require(), which Node 20.19+ does for
 * ES modules but jest's module loader cannot: so the library is loaded here, on first use, which
 * only happens when OIDC_ISSUER is set. Nothing else may import it as a value.
 */
export function loadOpenIdClient(): Promise<OpenIdClientLibrary> {
  return import('openid-client');
}
