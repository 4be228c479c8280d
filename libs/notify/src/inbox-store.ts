import { Notification, Recipient } from './notification';

/**
 * The in-app inbox (`notification` table), written by the persistence layer. Idempotent by
 * (dedupKey, recipientKey(recipient)) — the table's unique index — so the inbox channel can
 * simply write again on a retry.
 */
export interface InboxStore {
  /**
   * Inserts one inbox row for this recipient unless it exists (INSERT … ON CONFLICT DO NOTHING).
   * Throws only when the store is unavailable (the channel then reports a retryable error).
   */
  saveOnce(n: Notification, recipient: Recipient): Promise<'created' | 'exists'>;
}
