import { DataSource } from 'typeorm';
import { InboxStore } from '@duban/notify/inbox-store';
import { Notification, Recipient, recipientKey } from '@duban/notify/notification';

/** The in-app inbox in PostgreSQL: one row per notification and recipient, unique by dedup key. */
export class PostgresInboxStore implements InboxStore {
  constructor(private readonly db: DataSource) {}

  async saveOnce(n: Notification, r: Recipient): Promise<'created' | 'exists'> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO notification (dedup_key, recipient_key, recipient_user_id, recipient_unit, recipient_role, kind, level,
                                 title, body, task_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (dedup_key, recipient_key) DO NOTHING
       RETURNING id`,
      [
        n.dedupKey,
        recipientKey(r),
        r.userId ?? null,
        r.unitCode,
        r.role,
        n.kind,
        n.level ?? null,
        n.title,
        n.body,
        n.taskRef ? `${n.taskRef.planId}/${n.taskRef.taskCode}` : null,
      ],
    );
    return rows.length > 0 ? 'created' : 'exists';
  }
}
