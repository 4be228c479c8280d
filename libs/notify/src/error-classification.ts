import { ChannelName } from './channel';
import { DeliveryError, DeliveryErrorCode, PermanentDeliveryError, RetryableDeliveryError } from './delivery-errors';

/** The fields Node, undici (fetch) and nodemailer put on the errors they raise. */
interface ErrorFields {
  name?: string;
  message?: string;
  code?: string;
  originalCode?: string;
  responseCode?: number;
  /** nodemailer ≥ 10: set with responseCode, true for 5xx except 503. */
  permanent?: boolean;
  response?: string;
  cause?: unknown;
}

/** Connection-level failures: the message may not have left, and the next attempt may get through. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  // DNS outages are common on government intranets; a wrong host name is caught by config validation.
  'ENOTFOUND',
  'ECONNECTION',
  'ESOCKET',
  'EDNS',
  'EPROXY',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'EABORT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT']);

/** Failures that a retry reproduces: credentials, TLS trust, envelope, configuration. */
const PERMANENT_CODES: Record<string, DeliveryErrorCode> = {
  EAUTH: 'SMTP_AUTH',
  ENOAUTH: 'SMTP_AUTH',
  EOAUTH2: 'SMTP_AUTH',
  // Certificate and TLS-version problems are configuration, not weather.
  ETLS: 'CONFIG',
  EREQUIRETLS: 'CONFIG',
  ECONFIG: 'CONFIG',
  EENVELOPE: 'INVALID_ADDRESS',
  EMAXRECIPIENTS: 'INVALID_ADDRESS',
  ERR_INVALID_URL: 'CONFIG',
};

function fieldsOf(err: unknown): ErrorFields {
  return typeof err === 'object' && err !== null ? (err as ErrorFields) : {};
}

interface Verdict {
  retryable: boolean;
  code: DeliveryErrorCode;
}

function classify(err: unknown, depth = 0): Verdict {
  if (err instanceof DeliveryError) return { retryable: err.retryable, code: err.code };
  const e = fieldsOf(err);
  // An SMTP reply decides first: 4xx (and 503) are transient by RFC 5321, 5xx are final.
  if (typeof e.responseCode === 'number') {
    const permanent = typeof e.permanent === 'boolean' ? e.permanent : e.responseCode >= 500 && e.responseCode !== 503;
    if (!permanent) return { retryable: true, code: 'SMTP_REJECTED' };
    if (e.code === 'EAUTH') return { retryable: false, code: 'SMTP_AUTH' };
    if (e.code === 'EENVELOPE') return { retryable: false, code: 'INVALID_ADDRESS' };
    return { retryable: false, code: 'SMTP_REJECTED' };
  }
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return { retryable: true, code: 'TIMEOUT' };
  for (const code of [e.code, e.originalCode]) {
    if (!code) continue;
    if (TIMEOUT_CODES.has(code)) return { retryable: true, code: 'TIMEOUT' };
    if (NETWORK_CODES.has(code)) return { retryable: true, code: 'NETWORK' };
    if (code in PERMANENT_CODES) return { retryable: false, code: PERMANENT_CODES[code] };
  }
  // fetch() wraps the socket error: TypeError('fetch failed', { cause }).
  if (e.cause !== undefined && depth < 3) {
    const inner = classify(e.cause, depth + 1);
    if (inner.code !== 'UNKNOWN') return inner;
  }
  if (e.name === 'TypeError' && e.message === 'fetch failed') return { retryable: true, code: 'NETWORK' };
  // Unknown failures are retried, as Temporal does by default: late beats never, and the
  // activity's schedule-to-close timeout bounds the cost of being wrong.
  return { retryable: true, code: 'UNKNOWN' };
}

/**
 * Whether trying the same delivery again can succeed: network errors, timeouts, HTTP 5xx/429,
 * SMTP 4xx and rate limits are retryable; bad configuration, HTTP 4xx, robot rejections,
 * SMTP 5xx and invalid addresses are not.
 */
export function isRetryable(err: unknown): boolean {
  return classify(err).retryable;
}

/** Wraps any failure of a channel as a typed DeliveryError (returned unchanged if it is one). */
export function toDeliveryError(channel: ChannelName, err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const verdict = classify(err);
  const e = fieldsOf(err);
  // fetch() says only "fetch failed"; the socket error underneath is what an operator needs.
  const cause = e.cause instanceof Error ? `: ${e.cause.message}` : '';
  const text = [(e.message ?? String(err)) + cause, e.response].filter(Boolean).join(' — ');
  const Kind = verdict.retryable ? RetryableDeliveryError : PermanentDeliveryError;
  return new Kind(channel, verdict.code, text, { cause: err });
}
