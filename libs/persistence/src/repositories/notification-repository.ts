import { DataSource } from 'typeorm';
import { returnedRows } from '../returned-rows';

/** Whose notifications: a user's own, their unit-and-role keys ("水气股:handler"), or 督查室's. */
export interface NotificationRecipient {
  userId: string;
  /** "<unit>:<role>" keys the user reads (催办 goes to a unit's role, not to a person). */
  keys: string[];
  /** Supervisors read every notification addressed to the supervisor role. */
  supervisor: boolean;
}

export interface NotificationRow {
  id: string;
  kind: string;
  level: number | null;
  title: string;
  body: string;
  taskId: string | null;
  createdAt: Date;
  readAt: Date | null;
}

/**
 * The in-app notifications as their recipients read them (the deliveries write them:
 * PostgresInboxStore). Every statement is limited to the recipient's own.
 */
export class NotificationRepository {
  constructor(private readonly db: DataSource) {}

  async newest(to: NotificationRecipient, opts: { unreadOnly: boolean; limit: number }): Promise<NotificationRow[]> {
    const { where, params } = recipientSql(to);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT id, kind, level, title, body, task_id, created_at, read_at
         FROM notification
        WHERE ${where} ${opts.unreadOnly ? 'AND read_at IS NULL' : ''}
        ORDER BY created_at DESC
        LIMIT $${params.length + 1}`,
      [...params, opts.limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      kind: String(r.kind),
      level: r.level === null ? null : Number(r.level),
      title: String(r.title),
      body: String(r.body),
      taskId: (r.task_id as string | null) ?? null,
      createdAt: r.created_at as Date,
      readAt: (r.read_at as Date | null) ?? null,
    }));
  }

  async unreadCount(to: NotificationRecipient): Promise<number> {
    const { where, params } = recipientSql(to);
    const [row] = await this.db.query(
      `SELECT count(*)::int AS n FROM notification WHERE ${where} AND read_at IS NULL`,
      params,
    );
    return Number(row?.n ?? 0);
  }

  /** Marks every unread one read; returns how many there were. */
  async markAllRead(to: NotificationRecipient): Promise<number> {
    const { where, params } = recipientSql(to);
    const result = await this.db.query(
      `UPDATE notification SET read_at = now() WHERE ${where} AND read_at IS NULL RETURNING id`,
      params,
    );
    return returnedRows(result).length;
  }

  /** Marks one read (again is a no-op); false when it is not the recipient's. */
  async markRead(to: NotificationRecipient, id: string): Promise<boolean> {
    const { where, params } = recipientSql(to);
    const result = await this.db.query(
      `UPDATE notification SET read_at = COALESCE(read_at, now())
        WHERE id = $${params.length + 1} AND ${where} RETURNING id`,
      [...params, id],
    );
    return returnedRows(result).length > 0;
  }
}

function recipientSql(to: NotificationRecipient): { where: string; params: unknown[] } {
  if (to.supervisor) return { where: `(recipient_user_id = $1 OR recipient_role = 'supervisor')`, params: [to.userId] };
  return { where: `(recipient_user_id = $1 OR recipient_key = ANY($2))`, params: [to.userId, to.keys] };
}
