import { DataSource } from 'typeorm';

/** An audit entry as the admin's audit page shows it: who (by name), what, about what, when. */
export interface AuditEntryRow {
  id: string;
  at: Date;
  actorName: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  outcome: string;
  subject: string | null;
  /** The account or unit the subject names, when it names one. */
  subjectName: string | null;
  before: unknown;
  after: unknown;
  detail: string | null;
}

export interface AuditQuery {
  limit: number;
  /** Entries older than this id (the next page). */
  beforeId?: string;
  actions?: string[];
  /** The acting account's username, exactly. */
  actorUsername?: string;
}

/** Reads audit_log newest first, with names for the people and units it refers to by id or code. */
export class AuditLogReader {
  constructor(private readonly db: DataSource) {}

  async recent(q: AuditQuery): Promise<AuditEntryRow[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT a.id::text AS id, a.at, u.display_name AS actor_name, u.username AS actor_username, a.actor_role,
              a.action, a.outcome, a.subject, coalesce(s.display_name, su.name) AS subject_name,
              a.before, a.after, a.detail
         FROM audit_log a
         LEFT JOIN app_user u ON u.id::text = a.actor_user_id
         LEFT JOIN app_user s ON s.id::text = a.subject
         LEFT JOIN org_unit su ON su.code = a.subject
        WHERE ($2::bigint IS NULL OR a.id < $2::bigint)
          AND ($3::text[] IS NULL OR a.action = ANY($3::text[]))
          AND ($4::text IS NULL OR u.username = $4::text)
        ORDER BY a.id DESC
        LIMIT $1`,
      [q.limit, q.beforeId ?? null, q.actions?.length ? q.actions : null, q.actorUsername ?? null],
    );
    return rows.map((r) => ({
      id: r.id as string,
      at: r.at as Date,
      actorName: (r.actor_name as string | null) ?? null,
      actorUsername: (r.actor_username as string | null) ?? null,
      actorRole: (r.actor_role as string | null) ?? null,
      action: r.action as string,
      outcome: r.outcome as string,
      subject: (r.subject as string | null) ?? null,
      subjectName: (r.subject_name as string | null) ?? null,
      before: r.before,
      after: r.after,
      detail: (r.detail as string | null) ?? null,
    }));
  }
}
