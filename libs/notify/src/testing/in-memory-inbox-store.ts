import { InboxStore } from '../inbox-store';
import { Notification, Recipient, recipientKey } from '../notification';

/** FOR UNIT TESTS ONLY: an InboxStore in a Map, unique by (dedupKey, recipientKey) like the table. */
export class InMemoryInboxStoreForTests implements InboxStore {
  readonly rows = new Map<string, { notification: Notification; recipient: Recipient }>();
  /** Makes the next n calls throw, to test the channel's retryable error. */
  failNext = 0;

  async saveOnce(n: Notification, recipient: Recipient): Promise<'created' | 'exists'> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('inbox store unavailable (test)');
    }
    const key = `${n.dedupKey}\u0000${recipientKey(recipient)}`;
    if (this.rows.has(key)) return 'exists';
    this.rows.set(key, { notification: n, recipient });
    return 'created';
  }
}
