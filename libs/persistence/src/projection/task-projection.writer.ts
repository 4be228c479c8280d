import { DataSource, EntityManager } from 'typeorm';
import { TaskProjection } from './task-projection';

export type ProjectionOutcome = 'applied' | 'stale' | 'missing-task';

/**
 * Writes a workflow's state into the read model in one transaction. The task row is updated only
 * when the incoming version is newer; events are keyed by (task, seq) so a retried activity
 * never appends twice, and they are written even for a stale snapshot (they are immutable facts).
 */
export class TaskProjectionWriter {
  constructor(private readonly db: DataSource) {}

  async write(p: TaskProjection): Promise<ProjectionOutcome> {
    return this.db.transaction(async (tx) => {
      await this.appendEvents(tx, p);
      const updated: unknown[] = await tx.query(
        `UPDATE task SET status = $2, traffic_light = $3, lead_unit = $4, cooperating_units = $5,
                current_stage_key = $6, current_stage_name = $7, current_stage_status = $8,
                next_due_at = $9, escalation_level = $10, projected_version = $11, snapshot = $12, awaiting = $13,
                updated_at = now()
          WHERE id = $1 AND projected_version < $11
          RETURNING id`,
        [
          p.taskId,
          p.status,
          p.trafficLight,
          p.leadUnit,
          p.cooperatingUnits,
          p.currentStage?.key ?? null,
          p.currentStage?.name ?? null,
          p.currentStage?.status ?? null,
          p.nextDueAt,
          p.escalationLevel,
          p.version,
          JSON.stringify(p.snapshot),
          p.awaiting,
        ],
      );
      const rows = Array.isArray(updated[0]) ? (updated[0] as unknown[]) : updated;
      if (rows.length === 0) {
        const exists: unknown[] = await tx.query(`SELECT 1 FROM task WHERE id = $1`, [p.taskId]);
        return exists.length === 0 ? 'missing-task' : 'stale';
      }
      await this.writeStages(tx, p);
      await this.writeEscalations(tx, p);
      return 'applied';
    });
  }

  private async writeStages(tx: EntityManager, p: TaskProjection): Promise<void> {
    for (const s of p.stages) {
      await tx.query(
        `INSERT INTO task_stage (task_id, key, seq, name, status, owner_unit, due_at, completed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (task_id, key) DO UPDATE SET seq = EXCLUDED.seq, name = EXCLUDED.name, status = EXCLUDED.status,
           owner_unit = EXCLUDED.owner_unit, due_at = EXCLUDED.due_at, completed_at = EXCLUDED.completed_at`,
        [p.taskId, s.key, s.seq, s.name, s.status, s.ownerUnit, s.dueAt, s.completedAt],
      );
    }
  }

  private async writeEscalations(tx: EntityManager, p: TaskProjection): Promise<void> {
    for (const e of p.openEscalations) {
      await tx.query(
        `INSERT INTO escalation (task_id, stage_key, level, to_role, unit_code, raised_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (task_id, stage_key, level) DO UPDATE SET resolved_at = NULL`,
        [p.taskId, e.stageKey, e.level, e.toRole, e.unitCode, e.raisedAt],
      );
    }
    const open = p.openEscalations.map((e) => `${e.stageKey}#${e.level}`);
    await tx.query(
      `UPDATE escalation SET resolved_at = now()
        WHERE task_id = $1 AND resolved_at IS NULL AND NOT (stage_key || '#' || level = ANY($2))`,
      [p.taskId, open],
    );
  }

  private async appendEvents(tx: EntityManager, p: TaskProjection): Promise<void> {
    if (p.events.length === 0) return;
    const planId = p.taskId.split('/')[0];
    for (const e of p.events) {
      await tx.query(
        `INSERT INTO task_event (task_id, plan_id, actor_user_id, actor_role, actor_unit, action, outcome, at,
                                 request_id, dedup_key, before, after, detail)
         VALUES ($1, $2, $3, $4, $5, $6, 'ok', $7, $8, $9, $10, $11, $12)
         ON CONFLICT (dedup_key) WHERE dedup_key IS NOT NULL DO NOTHING`,
        [
          p.taskId,
          planId,
          e.actorUserId ?? null,
          e.actorRole ?? null,
          e.actorUnit ?? null,
          e.action,
          e.at,
          e.requestId ?? null,
          `${p.taskId}#${e.seq}`,
          e.before === undefined ? null : JSON.stringify(e.before),
          e.after === undefined ? null : JSON.stringify(e.after),
          e.detail ?? null,
        ],
      );
    }
  }
}
