import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from './auth-user';

/** ok | failed (bad credentials) | denied (refused by policy, e.g. throttled) */
export type AuditOutcome = 'ok' | 'failed' | 'denied';

export interface AuditEntry {
  action: string;
  outcome: AuditOutcome;
  actor?: Pick<AuthUser, 'id' | 'role' | 'unitCode'> | null;
  before?: unknown;
  after?: unknown;
  detail?: string | null;
  requestId?: string | null;
}

/** Account and session events in the append-only task_event log (task_id NULL: not about a task). */
@Injectable()
export class AuditLog {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.db.query(
      `INSERT INTO task_event (actor_user_id, actor_role, actor_unit, action, outcome, request_id, before, after, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9)`,
      [
        entry.actor?.id ?? null,
        entry.actor?.role ?? null,
        entry.actor?.unitCode ?? null,
        entry.action,
        entry.outcome,
        entry.requestId?.slice(0, 128) ?? null,
        json(entry.before),
        json(entry.after),
        entry.detail ?? null,
      ],
    );
  }
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
