import { DataSource, EntityManager } from 'typeorm';
import { appendTaskEvents } from '../events/task-event-log';
import { returnedRows } from '../returned-rows';
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
      await appendTaskEvents(tx, p.taskId, p.events);
      let applied = await this.updateTask(tx, p);
      if (!applied && p.problemOf && (await this.insertProblemRow(tx, p.taskId, p.problemOf))) {
        applied = await this.updateTask(tx, p);
      }
      if (!applied) {
        const exists: unknown[] = await tx.query(`SELECT 1 FROM task WHERE id = $1`, [p.taskId]);
        return exists.length === 0 ? 'missing-task' : 'stale';
      }
      await this.writeStages(tx, p);
      await this.writeEscalations(tx, p);
      return 'applied';
    });
  }

  /** The task row from a newer snapshot; false when the row is missing or already as new. */
  private async updateTask(tx: EntityManager, p: TaskProjection): Promise<boolean> {
    const updated: unknown[] = await tx.query(
      `UPDATE task SET status = $2, traffic_light = $3, lead_unit = $4, cooperating_units = $5,
                current_stage_key = $6, current_stage_name = $7, current_stage_status = $8,
                next_due_at = $9, escalation_level = $10, projected_version = $11, snapshot = $12, awaiting = $13,
                verifying_unit = $14, expected_progress = $15, actual_progress = $16, projection_error = NULL, projection_error_at = NULL, updated_at = now()
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
        p.verifyingUnit,
        p.progress?.expected ?? null,
        p.progress?.actual ?? null,
      ],
    );
    return returnedRows(updated).length > 0;
  }

  /**
   * A problem's row, placed in its parent's plan, section and order (one row per problem however
   * often this runs); false when the parent row is not there either.
   */
  private async insertProblemRow(
    tx: EntityManager,
    taskId: string,
    problem: NonNullable<TaskProjection['problemOf']>,
  ): Promise<boolean> {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO task (id, plan_id, code, parent_code, section_code, ordinal, is_leaf, title, body, kind)
       SELECT $1, parent.plan_id, $2, parent.code, parent.section_code, parent.ordinal, true, $3, '', 'rectification'
         FROM task parent WHERE parent.id = $4
       ON CONFLICT (id) DO NOTHING
       RETURNING id`,
      [taskId, problem.code, problem.title, problem.parentTaskId],
    );
    return returnedRows(inserted).length > 0;
  }

  /**
   * Marks the task row when a projection was refused for good (投影失败): shown to supervisors and
   * counted on /health until a later projection of the task succeeds and clears it.
   */
  async recordFailure(taskId: string, version: number, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE task SET projection_error = $2, projection_error_at = now(), projection_failed_version = $3 WHERE id = $1`,
      [taskId, reason, version],
    );
  }

  // Each list goes in one statement (rows as a JSON array): a projection is a handful of round
  // trips whatever the number of stages, events and escalations.

  private async writeStages(tx: EntityManager, p: TaskProjection): Promise<void> {
    if (p.stages.length === 0) return;
    await tx.query(
      `INSERT INTO task_stage (task_id, key, seq, name, status, owner_unit, due_at, completed_at)
       SELECT $1, s.key, s.seq, s.name, s.status, s.owner_unit, s.due_at, s.completed_at
         FROM jsonb_to_recordset($2::jsonb) AS s(key text, seq int, name text, status text, owner_unit text,
                                                  due_at timestamptz, completed_at timestamptz)
       ON CONFLICT (task_id, key) DO UPDATE SET seq = EXCLUDED.seq, name = EXCLUDED.name, status = EXCLUDED.status,
         owner_unit = EXCLUDED.owner_unit, due_at = EXCLUDED.due_at, completed_at = EXCLUDED.completed_at`,
      [
        p.taskId,
        JSON.stringify(
          p.stages.map((st) => ({
            key: st.key,
            seq: st.seq,
            name: st.name,
            status: st.status,
            owner_unit: st.ownerUnit,
            due_at: st.dueAt,
            completed_at: st.completedAt,
          })),
        ),
      ],
    );
  }

  private async writeEscalations(tx: EntityManager, p: TaskProjection): Promise<void> {
    if (p.openEscalations.length > 0) {
      await tx.query(
        `INSERT INTO escalation (task_id, stage_key, level, to_role, unit_code, raised_at)
         SELECT $1, e.stage_key, e.level, e.to_role, e.unit_code, e.raised_at
           FROM jsonb_to_recordset($2::jsonb) AS e(stage_key text, level int, to_role text, unit_code text,
                                                    raised_at timestamptz)
         ON CONFLICT (task_id, stage_key, level) DO UPDATE SET resolved_at = NULL`,
        [
          p.taskId,
          JSON.stringify(
            // One row per (stage, level): a statement may not upsert the same row twice.
            [...new Map(p.openEscalations.map((e) => [`${e.stageKey}#${e.level}`, e])).values()].map((e) => ({
              stage_key: e.stageKey,
              level: e.level,
              to_role: e.toRole,
              unit_code: e.unitCode,
              raised_at: e.raisedAt,
            })),
          ),
        ],
      );
    }
    const open = p.openEscalations.map((e) => `${e.stageKey}#${e.level}`);
    await tx.query(
      `UPDATE escalation SET resolved_at = now()
        WHERE task_id = $1 AND resolved_at IS NULL AND NOT (stage_key || '#' || level = ANY($2))`,
      [p.taskId, open],
    );
  }
}
