import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActorRef } from '@duban/domain/access/actor';
import { unitScopeOf } from '@duban/domain/access/task-visibility';

export interface OpenEscalation {
  id: string;
  taskId: string;
  taskCode: string;
  title: string;
  stageKey: string;
  level: number;
  toRole: string;
  unitCode: string;
  unitName: string;
  raisedAt: string;
}

/**
 * The 督办 board: tasks with an escalation still open (their stage not done), each once, at the
 * highest rung reached; the lower rungs stay in the task's history.
 */
@Injectable()
export class EscalationQueryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** `toRole`: only the rungs that reach this role (股长, 分管领导, 督查室), each task at its highest such rung. */
  async open(
    actor: ActorRef,
    filter: { level?: number; unit?: string; toRole?: string } = {},
  ): Promise<OpenEscalation[]> {
    const params: unknown[] = [];
    const clauses = ['e.resolved_at IS NULL'];
    const scope = unitScopeOf(actor);
    if (!scope.all) {
      params.push(scope.units);
      clauses.push(`e.unit_code = ANY($${params.length})`);
    }
    let levelFilter = '';
    if (filter.level) {
      params.push(filter.level);
      levelFilter = `WHERE level = $${params.length}`;
    }
    if (filter.unit) {
      params.push(filter.unit);
      clauses.push(`e.unit_code = $${params.length}`);
    }
    if (filter.toRole) {
      params.push(filter.toRole);
      clauses.push(`e.to_role = $${params.length}`);
    }
    const rows: Array<Record<string, string | number | Date>> = await this.db.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (e.task_id) e.id, e.task_id, t.code, t.title, e.stage_key, e.level, e.to_role,
                e.unit_code, COALESCE(u.name, e.unit_code) AS unit_name, e.raised_at
           FROM escalation e JOIN task t ON t.id = e.task_id LEFT JOIN org_unit u ON u.code = e.unit_code
          WHERE ${clauses.join(' AND ')}
          ORDER BY e.task_id, e.level DESC, e.raised_at ASC) cur ${levelFilter}
        ORDER BY level DESC, raised_at ASC
        LIMIT 1000`,
      params,
    );
    return rows.map((r) => ({
      id: String(r.id),
      taskId: String(r.task_id),
      taskCode: String(r.code),
      title: String(r.title),
      stageKey: String(r.stage_key),
      level: Number(r.level),
      toRole: String(r.to_role),
      unitCode: String(r.unit_code),
      unitName: String(r.unit_name),
      raisedAt: new Date(r.raised_at as Date).toISOString(),
    }));
  }

  /** Escalated tasks by unit and current level, for the board header. */
  async summary(actor: ActorRef) {
    const open = await this.open(actor);
    const byUnit = new Map<
      string,
      { unit: string; unitName: string; level1: number; level2: number; level3: number }
    >();
    for (const e of open) {
      const row = byUnit.get(e.unitCode) ?? { unit: e.unitCode, unitName: e.unitName, level1: 0, level2: 0, level3: 0 };
      if (e.level === 1) row.level1 += 1;
      else if (e.level === 2) row.level2 += 1;
      else row.level3 += 1;
      byUnit.set(e.unitCode, row);
    }
    return { total: open.length, byUnit: [...byUnit.values()] };
  }
}
