import { DataSource } from 'typeorm';
import { UnitScope } from '@duban/domain/access/task-visibility';
import { overdueTaskRows, OverdueTaskRow } from '../read/overdue-task-rows';
import { TASK_DONE_SQL } from '../read/task-status-sql';
import { unitScopeSql } from '../read/unit-scope-sql';

/** The tasks the figures count: a plan's (or all plans') leaf tasks within a unit scope. */
export interface FigureScope {
  scope: UnitScope;
  planId?: string;
}

export interface UnitLightRow {
  unit: string;
  unitName: string;
  total: number;
  green: number;
  yellow: number;
  red: number;
  none: number;
  escalated: number;
  done: number;
}

export type LightCounts = Omit<UnitLightRow, 'unit' | 'unitName'>;
export type SourceLightRow = LightCounts & { source: string };

/** The counts of a group of tasks: by light, escalated (督办中) and done. */
const LIGHT_COUNTS_SQL = `count(*) AS total,
  count(*) FILTER (WHERE t.traffic_light = 'green') AS green,
  count(*) FILTER (WHERE t.traffic_light = 'yellow') AS yellow,
  count(*) FILTER (WHERE t.traffic_light = 'red') AS red,
  count(*) FILTER (WHERE t.traffic_light = 'none') AS none,
  count(*) FILTER (WHERE t.escalation_level > 0) AS escalated,
  count(*) FILTER (WHERE ${TASK_DONE_SQL}) AS done`;

function lightCounts(r: Record<string, string>): LightCounts {
  const n = (k: string) => Number(r[k]);
  return {
    total: n('total'),
    green: n('green'),
    yellow: n('yellow'),
    red: n('red'),
    none: n('none'),
    escalated: n('escalated'),
    done: n('done'),
  };
}

/** The overview's aggregates over the task projection (the bulletin's are in read/bulletin-queries). */
export class LedgerFigures {
  constructor(private readonly db: DataSource) {}

  /** Tasks per lead unit by light, escalated and done, the largest units first. */
  async byLeadUnit(s: FigureScope): Promise<UnitLightRow[]> {
    const { where, params } = scopeSql(s);
    const rows: Array<Record<string, string>> = await this.db.query(
      `SELECT t.lead_unit AS unit, COALESCE(u.name, t.lead_unit) AS unit_name, ${LIGHT_COUNTS_SQL}
         FROM task t LEFT JOIN org_unit u ON u.code = t.lead_unit
        WHERE ${where}
        GROUP BY t.lead_unit, u.name
        ORDER BY count(*) DESC, t.lead_unit`,
      params,
    );
    return rows.map((r) => ({ unit: r.unit, unitName: r.unit_name, ...lightCounts(r) }));
  }

  /** Tasks per source (年度工作要点, 领导批示, 会议议定, …) by light, escalated and done. */
  async bySource(s: FigureScope): Promise<SourceLightRow[]> {
    const { where, params } = scopeSql(s);
    const rows: Array<Record<string, string>> = await this.db.query(
      `SELECT t.source_kind AS source, ${LIGHT_COUNTS_SQL} FROM task t
        WHERE ${where} GROUP BY t.source_kind ORDER BY count(*) DESC, t.source_kind`,
      params,
    );
    return rows.map((r) => ({ source: r.source, ...lightCounts(r) }));
  }

  /** Overdue tasks, most days overdue first (the same list the bulletin gives). */
  overdue(s: FigureScope, now: Date, limit: number): Promise<OverdueTaskRow[]> {
    return overdueTaskRows(this.db, scopeSql(s), now, limit);
  }

  /** Stage completions per ISO week (Monday, Shanghai). */
  async stageCompletionsByWeek(s: FigureScope): Promise<{ week: string; count: number }[]> {
    const { where, params } = scopeSql(s);
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
}

function scopeSql(s: FigureScope): { where: string; params: unknown[] } {
  const clauses = ['t.is_leaf = true'];
  const params: unknown[] = [];
  if (s.planId) {
    params.push(s.planId);
    clauses.push(`t.plan_id = $${params.length}`);
  }
  if (!s.scope.all) {
    params.push(s.scope.units);
    clauses.push(unitScopeSql(`$${params.length}`));
  }
  return { where: clauses.join(' AND '), params };
}
