import { DataSource } from 'typeorm';
import { BulletinEscalationItem, BulletinOverdueItem, BulletinUnitRow } from '@duban/domain/bulletin/bulletin-content';
import { overdueTaskRows } from './overdue-task-rows';
import { TASK_DONE_SQL, TASK_LIVE_SQL } from './task-status-sql';

/**
 * Read-side figures of the weekly bulletin, over the task projection (leaf tasks, by lead unit):
 * shared by the bulletin activity (worker) and anything in the API that needs the same numbers.
 */

const DONE = TASK_DONE_SQL;
const LIVE = TASK_LIVE_SQL;

export async function unitTaskFigures(db: DataSource, planId: string, now: Date): Promise<BulletinUnitRow[]> {
  const rows: Record<string, string>[] = await db.query(
    `SELECT t.lead_unit AS unit, COALESCE(u.name, t.lead_unit) AS unit_name,
            count(*) FILTER (WHERE t.status <> 'cancelled') AS total,
            count(*) FILTER (WHERE ${DONE}) AS done,
            count(*) FILTER (WHERE ${LIVE} AND (t.next_due_at IS NULL OR t.next_due_at >= $2) AND t.traffic_light <> 'yellow') AS on_track,
            count(*) FILTER (WHERE ${LIVE} AND t.next_due_at >= $2 AND t.traffic_light = 'yellow') AS due_soon,
            count(*) FILTER (WHERE ${LIVE} AND t.next_due_at < $2) AS overdue,
            count(*) FILTER (WHERE ${LIVE} AND t.escalation_level > 0) AS escalated
       FROM task t LEFT JOIN org_unit u ON u.code = t.lead_unit
      WHERE t.plan_id = $1 AND t.is_leaf
      GROUP BY t.lead_unit, u.name
      ORDER BY count(*) FILTER (WHERE ${LIVE} AND t.next_due_at < $2) DESC, count(*) DESC, t.lead_unit`,
    [planId, now.toISOString()],
  );
  return rows.map((r) => ({
    unit: r.unit,
    unitName: r.unit_name,
    total: Number(r.total),
    done: Number(r.done),
    onTrack: Number(r.on_track),
    dueSoon: Number(r.due_soon),
    overdue: Number(r.overdue),
    escalated: Number(r.escalated),
  }));
}

/** Leaf tasks past a deadline and not done, most days overdue first, with the responsible unit. */
export async function overdueTasks(db: DataSource, planId: string, now: Date): Promise<BulletinOverdueItem[]> {
  const rows = await overdueTaskRows(db, { where: 't.plan_id = $1', params: [planId] }, now);
  return rows.map((r) => ({
    taskId: r.id,
    code: r.code,
    title: r.title,
    unit: r.leadUnit,
    unitName: r.unitName,
    dueAt: r.nextDueAt,
    daysOverdue: r.daysOverdue,
    escalationLevel: r.escalationLevel,
  }));
}

/** Escalations (督办) raised in [since, until) on the plan's tasks. */
export async function escalationsRaisedBetween(
  db: DataSource,
  planId: string,
  since: Date,
  until: Date,
): Promise<BulletinEscalationItem[]> {
  const rows: Record<string, string | number | Date>[] = await db.query(
    // One row per task: the highest rung its ladder reached in the week (a stage overdue for long
    // raises 一、二、三级 together; that is one task escalated, not three).
    `SELECT * FROM (
       SELECT DISTINCT ON (e.task_id) e.task_id, t.code, t.title, e.unit_code,
              COALESCE(u.name, e.unit_code) AS unit_name, e.level, e.to_role, e.raised_at
         FROM escalation e JOIN task t ON t.id = e.task_id LEFT JOIN org_unit u ON u.code = e.unit_code
        WHERE t.plan_id = $1 AND e.raised_at >= $2 AND e.raised_at < $3
        ORDER BY e.task_id, e.level DESC, e.raised_at) latest
      ORDER BY raised_at, code`,
    [planId, since.toISOString(), until.toISOString()],
  );
  return rows.map((r) => ({
    taskId: String(r.task_id),
    code: String(r.code),
    title: String(r.title),
    unit: String(r.unit_code),
    unitName: String(r.unit_name),
    level: Number(r.level),
    toRole: String(r.to_role),
    raisedAt: new Date(r.raised_at as Date).toISOString(),
  }));
}
