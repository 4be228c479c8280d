import { ChannelName } from './channel';

/**
 * Result of claiming a (dedupKey, channel) pair before sending.
 * - claimed: the caller owns this attempt and must send, then markDelivered or markFailed.
 * - delivered: an earlier attempt finished; do not send again.
 * - in-flight: another attempt is sending and its lease has not expired; try again later.
 */
export type DeliveryClaim =
  { outcome: 'claimed'; attempt: number } | { outcome: 'delivered' } | { outcome: 'in-flight'; attempt: number };

/**
 * Per-channel delivery state of a notification, so a retried Temporal activity never sends twice
 * through the same channel. Implemented on the `notification_delivery` table (primary key
 * (dedup_key, channel); status sending | delivered | failed; attempts; last_error; updated_at).
 *
 * Protocol (the Notifier follows it): claim → send → markDelivered, or markFailed on error.
 *
 * Semantics: at-least-once, with duplicates confined to crashes. A send and the database write
 * after it cannot be one transaction, so when a worker dies (or loses the database) between the
 * send and markDelivered, the row stays 'sending'. Treating that as done would lose the message
 * (at-most-once); a government reminder that silently never arrives is worse than one that
 * arrives twice, so a retry that finds 'sending' older than the lease sends again. The lease must
 * exceed the longest possible attempt (every channel bounds its attempt with a timeout, and the
 * config requires lease ≥ 2 × timeout) so a live, slow attempt is never overtaken in normal
 * operation. A fresh 'sending' row answers 'in-flight' (a retryable error), never "done": the
 * holder may still crash. SMTP resends carry the same Message-ID, so mail systems can recognise
 * them.
 *
 * Reference PostgreSQL for claim ($3 = leaseMs):
 *   INSERT INTO notification_delivery (dedup_key, channel, status, attempts, updated_at)
 *   VALUES ($1, $2, 'sending', 1, now())
 *   ON CONFLICT (dedup_key, channel) DO UPDATE
 *     SET status = 'sending', attempts = notification_delivery.attempts + 1, last_error = NULL, updated_at = now()
 *     WHERE notification_delivery.status = 'failed'
 *        OR (notification_delivery.status = 'sending'
 *            AND notification_delivery.updated_at < now() - $3 * interval '1 millisecond')
 *   RETURNING attempts;
 * A returned row → { claimed, attempt }. No row → SELECT status, attempts: 'delivered' →
 * { delivered }, otherwise → { in-flight, attempt } (the row changed under us: let a retry look again).
 */
export interface DeliveryLog {
  /**
   * Atomically takes the right to send: creates the row as 'sending' (attempt 1), or takes over
   * a 'failed' row or a 'sending' row whose updated_at is older than leaseMs (attempt + 1).
   */
  claim(dedupKey: string, channel: ChannelName, leaseMs: number): Promise<DeliveryClaim>;
  /**
   * Records success: status 'delivered', whatever the current attempt is (the message went out,
   * even if a slower attempt was overtaken). Idempotent.
   */
  markDelivered(dedupKey: string, channel: ChannelName): Promise<void>;
  /**
   * Records a failed attempt so the next retry can claim at once instead of waiting for the lease.
   * Fenced: only updates a row that is still 'sending' with this attempt number, so a stale
   * attempt cannot release a newer one's claim or overwrite 'delivered'.
   */
  markFailed(dedupKey: string, channel: ChannelName, attempt: number, error: string): Promise<void>;
}
