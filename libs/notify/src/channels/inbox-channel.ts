import { DeliveryResult, NotificationChannel } from '../channel';
import { RetryableDeliveryError } from '../delivery-errors';
import { InboxStore } from '../inbox-store';
import { Notification, Recipient, recipientKey } from '../notification';

/** The in-app inbox: one row per recipient, written through the persistence layer's InboxStore. */
export class InboxChannel implements NotificationChannel {
  readonly name = 'inbox' as const;

  constructor(private readonly store: InboxStore) {}

  async deliver(n: Notification): Promise<DeliveryResult> {
    const recipients = distinctRecipients(n.recipients);
    if (recipients.length === 0) return { channel: this.name, outcome: 'skipped', detail: 'no recipients' };
    let created = 0;
    let existing = 0;
    // One by one: a failure part-way is fine, saveOnce makes the retry skip the rows already written.
    for (const r of recipients) {
      let saved: 'created' | 'exists';
      try {
        saved = await this.store.saveOnce(n, r);
      } catch (err) {
        throw new RetryableDeliveryError(this.name, 'STORE', `inbox store failed: ${(err as Error)?.message ?? err}`, {
          cause: err,
        });
      }
      if (saved === 'created') created++;
      else existing++;
    }
    return { channel: this.name, outcome: 'sent', created, existing };
  }
}

/** The same person or unit-role twice in a list gets one inbox entry (the table's unique key). */
function distinctRecipients(recipients: Recipient[]): Recipient[] {
  const byKey = new Map<string, Recipient>();
  for (const r of recipients) if (!byKey.has(recipientKey(r))) byKey.set(recipientKey(r), r);
  return [...byKey.values()];
}
