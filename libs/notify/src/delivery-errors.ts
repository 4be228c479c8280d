import { ChannelName } from './channel';

/** Stable codes, for logs, metrics and the activity layer. */
export type DeliveryErrorCode =
  | 'NETWORK'
  | 'TIMEOUT'
  | 'HTTP_STATUS'
  | 'ROBOT_ERRCODE'
  | 'BAD_RESPONSE'
  | 'SMTP_REJECTED'
  | 'SMTP_AUTH'
  | 'INVALID_ADDRESS'
  | 'INVALID_NOTIFICATION'
  | 'CONFIG'
  | 'IN_FLIGHT'
  | 'DELIVERY_LOG'
  | 'STORE'
  | 'UNKNOWN';

/** A failed delivery attempt through one channel. Subclasses say whether trying again can help. */
export abstract class DeliveryError extends Error {
  abstract readonly retryable: boolean;

  constructor(
    readonly channel: ChannelName,
    readonly code: DeliveryErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`[${channel}] ${message}`, options);
  }
}

/**
 * Worth retrying later (network, timeouts, 5xx, SMTP 4xx, rate limits, another attempt in flight).
 * The activity rethrows it and Temporal retries that channel's activity with backoff.
 */
export class RetryableDeliveryError extends DeliveryError {
  readonly retryable = true;

  constructor(channel: ChannelName, code: DeliveryErrorCode, message: string, options?: { cause?: unknown }) {
    super(channel, code, message, options);
    // Temporal uses error.name as the failure type; set it explicitly so minifiers cannot change it.
    this.name = 'RetryableDeliveryError';
  }
}

/**
 * Retrying the same message would fail the same way (bad config, HTTP 4xx, robot rejected the
 * content or signature, SMTP 5xx, invalid address). List its name in the retry policy's
 * nonRetryableErrorTypes (see NON_RETRYABLE_ERROR_TYPES) so Temporal stops at once.
 */
export class PermanentDeliveryError extends DeliveryError {
  readonly retryable = false;

  constructor(channel: ChannelName, code: DeliveryErrorCode, message: string, options?: { cause?: unknown }) {
    super(channel, code, message, options);
    this.name = 'PermanentDeliveryError';
  }
}

/** For `RetryPolicy.nonRetryableErrorTypes` of the notify activities. */
export const NON_RETRYABLE_ERROR_TYPES: readonly string[] = ['PermanentDeliveryError'];
