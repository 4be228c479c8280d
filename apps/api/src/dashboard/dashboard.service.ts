import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActorRef } from '@duban/domain/access/actor';
import { unitScopeOf } from '@duban/domain/access/task-visibility';
import { overdueTaskRows } from '@duban/persistence/read/overdue-task-rows';

export interface UnitLightCounts {
  unit: string;
  unitName: string;
  total: number;
  green: number;
  yellow: number;
  red: number;
  none: number;
  escalated: number;
  done: number;
  completionRate: number;
}

export interface OverdueItem {
  id: string;
  code: string;
  title: string;
  leadUnit: string;
  nextDueAt: string;
  overdueDays: number;
  escalationLevel: number;
}

/** Aggregates for the supervisor overview (督办总览), over lead-unit tasks in the actor's scope. */
@Injectable()
export class DashboardService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async overview(actor: ActorRef, planId?: string, now = new Date()) {
    const { where, params } = this.scopeSql(actor, planId);
    const rows: Array<Record<string, string>> = await this.db.query(
      `SELECT t.lead_unit AS unit, COALESCE(u.name, t.lead_unit) AS unit_name, count(*) AS total,
              count(*) FILTER (WHERE t.traffic_light = 'green') AS green,
              count(*) FILTER (WHERE t.traffic_light = 'yellow') AS yellow,
              count(*) FILTER (WHERE t.traffic_light = 'red') AS red,
              count(*) FILTER (WHERE t.traffic_light = 'none') AS none,
              count(*) FILTER (WHERE t.escalation_level > 0) AS escalated,
              count(*) FILTER (WHERE t.status IN ('completed', 'closed')) AS done
         FROM task t LEFT JOIN org_unit u ON u.code = t.lead_unit
        WHERE ${where}
        GROUP BY t.lead_unit, u.name
        ORDER BY count(*) DESC, t.lead_unit`,
      params,
    );
    const byUnit: UnitLightCounts[] = rows.map((r) => {
      const total = Number(r.total);
      const done = Number(r.done);
      return {
        unit: r.unit,
        unitName: r.unit_name,
        total,
        green: Number(r.green),
        yellow: Number(r.yellow),
        red: Number(r.red),
        none: Number(r.none),
        escalated: Number(r.escalated),
        done,
        completionRate: total === 0 ? 0 : done / total,
      };
    });
    const totals = byUnit.reduce(
      (acc, u) => ({
        total: acc.total + u.total,
        green: acc.green + u.green,
        yellow: acc.yellow + u.yellow,
        red: acc.red + u.red,
        escalated: acc.escalated + u.escalated,
        done: acc.done + u.done,
      }),
      { total: 0, green: 0, yellow: 0, red: 0, escalated: 0, done: 0 },
    );
    const overdue = await this.overdue(actor, planId, now);
    return {
      totals: { ...totals, completionRate: totals.total === 0 ? 0 : totals.done / totals.total },
      byUnit,
      overdue,
    };
  }

  /** Overdue leaf tasks, most days overdue first. */
  async overdue(actor: ActorRef, planId: string | undefined, now: Date, limit = 50): Promise<OverdueItem[]> {
    const rows = await overdueTaskRows(this.db, this.scopeSql(actor, planId), now, limit);
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      title: r.title,
      leadUnit: r.leadUnit,
      nextDueAt: r.nextDueAt,
      overdueDays: r.daysOverdue,
      escalationLevel: r.escalationLevel,
    }));
  }

  /** Stage completions per ISO week (Shanghai), for the "completions over time" chart. */
  async stageCompletionsByWeek(actor: ActorRef, planId?: string): Promise<{ week: string; count: number }[]> {
    const { where, params } = this.scopeSql(actor, planId);
    const rows: Array<{ week: string; count: string }> = await this.db.query(
      `SELECT to_char(date_trunc('week', s.completed_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD') AS week,
              count(*) AS count
         FROM task_stage s JOIN task t ON t.id = s.task_id
        WHERE ${where} AND s.completed_at IS NOT NULL
        GROUP BY 1 ORDER BY 1`,
      params,
    );
    return rows.map((r) => ({ week: r.week, count: Number(r.count) }));
  }

  private scopeSql(actor: ActorRef, planId?: string): { where: string; params: unknown[] } {
    const clauses = ['t.is_leaf = true'];
    const params: unknown[] = [];
    if (planId) {
      params.push(planId);
      clauses.push(`t.plan_id = $${params.length}`);
    }
    const scope = unitScopeOf(actor);
    if (!scope.all) {
      params.push(scope.units);
      clauses.push(`(t.lead_unit = ANY($${params.length}) OR t.cooperating_units && $${params.length})`);
    }
    return { where: clauses.join(' AND '), params };
  }
}
