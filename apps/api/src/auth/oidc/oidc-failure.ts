import { DomainError } from '@duban/domain/errors/domain-error';
import { OidcSignInFailedError } from './oidc-errors';

/**
 * What an openid-client failure means for the person signing in. The library's error classes are
 * told apart by name and code, so this needs no value import of the (lazily loaded) library.
 */
export function oidcFailureOf(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (!(error instanceof Error)) return new OidcSignInFailedError('rejected', String(error));
  if (isUnreachable(error)) return new OidcSignInFailedError('unreachable', 'provider unreachable');
  const fields = error as Error & { code?: string; error?: string };
  // The provider redirected back with ?error=… (access_denied when the person cancelled).
  if (error.name === 'AuthorizationResponseError') return new OidcSignInFailedError('denied', fields.error ?? 'error');
  // The token endpoint refused the code (invalid_grant: used, expired or not ours).
  if (error.name === 'ResponseBodyError') return new OidcSignInFailedError('rejected', fields.error ?? 'token error');
  // A callback whose state or issuer is not the one this browser's sign-in expects.
  const foreign = causes(error).some((e) => /response parameter/.test(e.message) && /"(state|iss)"/.test(e.message));
  if (foreign) return new OidcSignInFailedError('expired', 'state');
  return new OidcSignInFailedError('rejected', fields.code ?? error.name);
}

function isUnreachable(error: Error): boolean {
  return causes(error).some(
    (e) =>
      (e.name === 'TypeError' && e.message === 'fetch failed') ||
      e.name === 'TimeoutError' ||
      e.name === 'AbortError' ||
      /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH)$/.test(
        String((e as { code?: unknown }).code),
      ),
  );
}

/** The error and the errors it was caused by, outermost first. */
function causes(error: Error): Error[] {
  const chain: Error[] = [];
  for (let e: unknown = error; e instanceof Error && chain.length < 8; e = e.cause) chain.push(e);
  return chain;
}
