import { DataSource } from 'typeorm';
import { TASK_LIVE_SQL } from './task-status-sql';

/** A leaf task past its next deadline and not done (suspended ones wait, so they are not counted). */
export interface OverdueTaskRow {
  id: string;
  code: string;
  title: string;
  leadUnit: string;
  unitName: string;
  nextDueAt: string;
  daysOverdue: number;
  escalationLevel: number;
}

/**
 * The overdue list of the dashboard and the weekly bulletin, written once: most days overdue first.
 * `scope` is SQL over `task t` with its parameters ($1…); `now` and the limit come after them.
 */
export async function overdueTaskRows(
  db: DataSource,
  scope: { where: string; params: unknown[] },
  now: Date,
  limit?: number,
): Promise<OverdueTaskRow[]> {
  const at = scope.params.length + 1;
  const rows: Record<string, string | Date>[] = await db.query(
    `SELECT t.id, t.code, t.title, t.lead_unit, COALESCE(u.name, t.lead_unit) AS unit_name, t.next_due_at,
            t.escalation_level, floor(extract(epoch FROM ($${at}::timestamptz - t.next_due_at)) / 86400) AS days
       FROM task t LEFT JOIN org_unit u ON u.code = t.lead_unit
      WHERE t.is_leaf AND (${scope.where}) AND ${TASK_LIVE_SQL} AND t.status <> 'suspended' AND t.next_due_at < $${at}
      ORDER BY t.next_due_at ASC, t.code
      ${limit === undefined ? '' : `LIMIT ${Math.max(1, Math.min(Math.trunc(limit), 500))}`}`,
    [...scope.params, now.toISOString()],
  );
  return rows.map((r) => ({
    id: String(r.id),
    code: String(r.code),
    title: String(r.title),
    leadUnit: String(r.lead_unit),
    unitName: String(r.unit_name),
    nextDueAt: new Date(r.next_due_at as Date).toISOString(),
    daysOverdue: Number(r.days),
    escalationLevel: Number(r.escalation_level),
  }));
}
