import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActorRef } from '@duban/domain/access/actor';
import { NotFoundError } from '@duban/domain/errors/domain-error';
import { returnedRows } from '@duban/persistence/returned-rows';

/**
 * The in-app inbox: notifications addressed to the user personally or to their unit and role
 * (催办 goes to "水气股 handler", not to a named person).
 */
@Injectable()
export class NotificationQueryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(actor: ActorRef, opts: { unreadOnly?: boolean; limit?: number } = {}) {
    const { where, params } = this.recipientSql(actor);
    const rows = await this.db.query(
      `SELECT id, dedup_key, kind, level, title, body, task_id, created_at, read_at
         FROM notification
        WHERE ${where} ${opts.unreadOnly ? 'AND read_at IS NULL' : ''}
        ORDER BY created_at DESC
        LIMIT ${Math.max(1, Math.min(opts.limit ?? 50, 200))}`,
      params,
    );
    return rows.map((r: Record<string, unknown>) => ({
      id: r.id,
      kind: r.kind,
      level: r.level,
      title: r.title,
      body: r.body,
      taskId: r.task_id,
      createdAt: r.created_at,
      readAt: r.read_at,
    }));
  }

  /** How many notifications addressed to the actor are still unread (the count beside 消息). */
  async unreadCount(actor: ActorRef): Promise<number> {
    const { where, params } = this.recipientSql(actor);
    const [row] = await this.db.query(
      `SELECT count(*)::int AS n FROM notification WHERE ${where} AND read_at IS NULL`,
      params,
    );
    return Number(row?.n ?? 0);
  }

  /** Marks every notification addressed to the actor as read; returns how many were unread. */
  async markAllRead(actor: ActorRef): Promise<number> {
    const { where, params } = this.recipientSql(actor);
    const result = await this.db.query(
      `UPDATE notification SET read_at = now() WHERE ${where} AND read_at IS NULL RETURNING id`,
      params,
    );
    return returnedRows(result).length;
  }

  async markRead(actor: ActorRef, id: string): Promise<void> {
    const { where, params } = this.recipientSql(actor);
    const result = await this.db.query(
      `UPDATE notification SET read_at = COALESCE(read_at, now())
        WHERE id = $${params.length + 1} AND ${where} RETURNING id`,
      [...params, id],
    );
    if (returnedRows(result).length === 0) throw new NotFoundError('通知', id);
  }

  private recipientSql(actor: ActorRef): { where: string; params: unknown[] } {
    const unitKeys: string[] = [];
    const units = actor.role === 'deputy-director' ? (actor.deputyUnits ?? []) : actor.unitCode ? [actor.unitCode] : [];
    for (const unit of units) unitKeys.push(`${unit}:${actor.role}`);
    // Supervisors receive the top of the ladder for every unit.
    if (actor.role === 'supervisor')
      return { where: `(recipient_user_id = $1 OR recipient_role = 'supervisor')`, params: [actor.userId] };
    return { where: `(recipient_user_id = $1 OR recipient_key = ANY($2))`, params: [actor.userId, unitKeys] };
  }
}
