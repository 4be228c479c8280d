import { DataSource, EntityManager } from 'typeorm';
import { sanitizeDeep, sanitizeText } from '@duban/domain/text/safe-text';

/** ok | failed (bad credentials) | denied (authorization, throttling) | rejected (workflow validator) */
export type AuditOutcome = 'ok' | 'failed' | 'denied' | 'rejected';

export interface AuditRecord {
  action: string;
  outcome: AuditOutcome;
  actor?: { id: string; role: string | null; unitCode: string | null } | null;
  /** What it is about: a task id, a plan id, a user id. */
  subject?: string | null;
  before?: unknown;
  after?: unknown;
  detail?: string | null;
  requestId?: string | null;
}

/**
 * The one writer of audit_log. Whatever a caller passes is stored: a refused payload may hold the
 * very text that was refused, so strings are made storable (U+FFFD) rather than failing the write.
 */
export class AuditLogWriter {
  constructor(private readonly db: DataSource | EntityManager) {}

  async record(entry: AuditRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (actor_user_id, actor_role, actor_unit, action, outcome, subject, request_id, before, after, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10)`,
      [
        entry.actor?.id ?? null,
        entry.actor?.role ?? null,
        entry.actor?.unitCode ?? null,
        entry.action.slice(0, 48),
        entry.outcome,
        entry.subject ? sanitizeText(entry.subject).slice(0, 128) : null,
        entry.requestId ? sanitizeText(entry.requestId).slice(0, 128) : null,
        json(entry.before),
        json(entry.after),
        entry.detail ? sanitizeText(entry.detail) : null,
      ],
    );
  }
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(sanitizeDeep(value));
}
