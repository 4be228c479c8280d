import { EntityManager } from 'typeorm';
import { ProjectedEvent } from '../projection/task-projection';

/**
 * The only writer of `task_event`, the append-only log the task page and the audit read: the
 * events a task workflow projects, and the plan's own import and revision events. A projected
 * event is keyed by (task, seq), so a retried projection never appends twice.
 */
export async function appendTaskEvents(tx: EntityManager, taskId: string, events: ProjectedEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.query(
    `INSERT INTO task_event (task_id, plan_id, actor_user_id, actor_role, actor_unit, action, outcome, at,
                             request_id, dedup_key, before, after, detail)
     SELECT $1, $2, e.actor_user_id, e.actor_role, e.actor_unit, e.action, 'ok', e.at,
            e.request_id, e.dedup_key, e.before, e.after, e.detail
       FROM jsonb_to_recordset($3::jsonb) AS e(actor_user_id text, actor_role text, actor_unit text, action text,
                                                at timestamptz, request_id text, dedup_key text, before jsonb,
                                                after jsonb, detail text)
     ON CONFLICT (dedup_key) WHERE dedup_key IS NOT NULL DO NOTHING`,
    [
      taskId,
      taskId.split('/')[0],
      JSON.stringify(
        events.map((e) => ({
          actor_user_id: e.actorUserId ?? null,
          actor_role: e.actorRole ?? null,
          actor_unit: e.actorUnit ?? null,
          action: e.action,
          at: e.at,
          request_id: e.requestId ?? null,
          dedup_key: `${taskId}#${e.seq}`,
          before: e.before ?? null,
          after: e.after ?? null,
          detail: e.detail ?? null,
        })),
      ),
    ],
  );
}

/** A plan-level event (an import or a revision): who did it, what changed, in a sentence. */
export interface PlanEvent {
  planId: string;
  actor: { userId: string; role: string; unitCode: string | null } | null;
  action: 'plan-import' | 'plan-revision';
  after: unknown;
  detail: string;
}

export async function appendPlanEvent(tx: EntityManager, e: PlanEvent): Promise<void> {
  await tx.query(
    `INSERT INTO task_event (plan_id, actor_user_id, actor_role, actor_unit, action, outcome, after, detail)
     VALUES ($1, $2, $3, $4, $5, 'ok', $6, $7)`,
    [
      e.planId,
      e.actor?.userId ?? null,
      e.actor?.role ?? null,
      e.actor?.unitCode ?? null,
      e.action,
      JSON.stringify(e.after),
      e.detail,
    ],
  );
}
