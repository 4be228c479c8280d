import { ChannelName } from '../channel';
import { PermanentDeliveryError, RetryableDeliveryError } from '../delivery-errors';
import { toDeliveryError } from '../error-classification';

/**
 * POSTs JSON and returns the parsed JSON answer of a 2xx response. Everything else becomes a typed
 * DeliveryError: network failures, timeouts, 5xx, 408, 429 and a 2xx that is not JSON are
 * retryable; other 4xx statuses are permanent (wrong key, URL or payload).
 */
export async function postJson(
  channel: ChannelName,
  url: string,
  body: unknown,
  timeoutMs: number,
): Promise<Record<string, unknown>> {
  let response: Response;
  let text: string;
  try {
    // The signal bounds the whole exchange, body included, so an attempt never outlives the lease.
    const signal = AbortSignal.timeout(timeoutMs);
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      signal,
      redirect: 'error',
    });
    text = await response.text();
  } catch (err) {
    const e = toDeliveryError(channel, err);
    // Never echo the URL: it holds the robot's key.
    throw e.code === 'TIMEOUT' ? new RetryableDeliveryError(channel, 'TIMEOUT', `no answer within ${timeoutMs} ms`) : e;
  }
  if (!response.ok) {
    const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
    const Kind = retryable ? RetryableDeliveryError : PermanentDeliveryError;
    throw new Kind(channel, 'HTTP_STATUS', `HTTP ${response.status}: ${text.slice(0, 200)}`);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  // A 200 with an HTML page is usually a proxy or gateway in trouble: try again later.
  throw new RetryableDeliveryError(channel, 'BAD_RESPONSE', `not a JSON object: ${text.slice(0, 200)}`);
}
