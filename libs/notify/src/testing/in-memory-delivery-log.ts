import { ChannelName } from '../channel';
import { DeliveryClaim, DeliveryLog } from '../delivery-log';

interface Row {
  status: 'sending' | 'delivered' | 'failed';
  attempts: number;
  lastError: string | null;
  updatedAt: number;
}

/**
 * FOR UNIT TESTS ONLY: a DeliveryLog in a Map, following the same rules as the PostgreSQL one is
 * meant to (see DeliveryLog). Not durable, not shared between processes. The clock is injectable
 * so lease expiry can be tested without sleeping.
 */
export class InMemoryDeliveryLogForTests implements DeliveryLog {
  readonly rows = new Map<string, Row>();

  constructor(private readonly now: () => number = Date.now) {}

  private key(dedupKey: string, channel: ChannelName): string {
    return `${channel}\u0000${dedupKey}`;
  }

  row(dedupKey: string, channel: ChannelName): Row | undefined {
    return this.rows.get(this.key(dedupKey, channel));
  }

  async claim(dedupKey: string, channel: ChannelName, leaseMs: number): Promise<DeliveryClaim> {
    const key = this.key(dedupKey, channel);
    const row = this.rows.get(key);
    const now = this.now();
    if (!row) {
      this.rows.set(key, { status: 'sending', attempts: 1, lastError: null, updatedAt: now });
      return { outcome: 'claimed', attempt: 1 };
    }
    if (row.status === 'delivered') return { outcome: 'delivered' };
    if (row.status === 'sending' && row.updatedAt >= now - leaseMs)
      return { outcome: 'in-flight', attempt: row.attempts };
    row.status = 'sending';
    row.attempts += 1;
    row.lastError = null;
    row.updatedAt = now;
    return { outcome: 'claimed', attempt: row.attempts };
  }

  async markDelivered(dedupKey: string, channel: ChannelName): Promise<void> {
    const row = this.row(dedupKey, channel);
    if (!row) return;
    row.status = 'delivered';
    row.updatedAt = this.now();
  }

  async markFailed(dedupKey: string, channel: ChannelName, attempt: number, error: string): Promise<void> {
    const row = this.row(dedupKey, channel);
    if (!row || row.status !== 'sending' || row.attempts !== attempt) return;
    row.status = 'failed';
    row.lastError = error;
    row.updatedAt = this.now();
  }
}
