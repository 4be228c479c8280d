import { DataSource } from 'typeorm';
import { ChannelName } from '@duban/notify/channel';
import { DeliveryClaim, DeliveryLog } from '@duban/notify/delivery-log';

/** Per-channel delivery state in notification_delivery (see DeliveryLog for the semantics). */
export class PostgresDeliveryLog implements DeliveryLog {
  constructor(private readonly db: DataSource) {}

  async claim(dedupKey: string, channel: ChannelName, leaseMs: number): Promise<DeliveryClaim> {
    const claimed: { attempts: number }[] = await this.db.query(
      `INSERT INTO notification_delivery (dedup_key, channel, status, attempts, updated_at)
       VALUES ($1, $2, 'sending', 1, now())
       ON CONFLICT (dedup_key, channel) DO UPDATE
         SET status = 'sending', attempts = notification_delivery.attempts + 1, last_error = NULL, updated_at = now()
         WHERE notification_delivery.status = 'failed'
            OR (notification_delivery.status = 'sending'
                AND notification_delivery.updated_at < now() - $3 * interval '1 millisecond')
       RETURNING attempts`,
      [dedupKey, channel, leaseMs],
    );
    if (claimed.length > 0) return { outcome: 'claimed', attempt: claimed[0].attempts };
    const [row]: { status: string; attempts: number }[] = await this.db.query(
      `SELECT status, attempts FROM notification_delivery WHERE dedup_key = $1 AND channel = $2`,
      [dedupKey, channel],
    );
    if (row?.status === 'delivered') return { outcome: 'delivered' };
    return { outcome: 'in-flight', attempt: row?.attempts ?? 0 };
  }

  async markDelivered(dedupKey: string, channel: ChannelName): Promise<void> {
    await this.db.query(
      `UPDATE notification_delivery SET status = 'delivered', last_error = NULL, updated_at = now()
        WHERE dedup_key = $1 AND channel = $2`,
      [dedupKey, channel],
    );
  }

  async markFailed(dedupKey: string, channel: ChannelName, attempt: number, error: string): Promise<void> {
    await this.db.query(
      `UPDATE notification_delivery SET status = 'failed', last_error = $4, updated_at = now()
        WHERE dedup_key = $1 AND channel = $2 AND status = 'sending' AND attempts = $3`,
      [dedupKey, channel, attempt, error.slice(0, 2000)],
    );
  }
}
