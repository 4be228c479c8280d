import { DataSource } from 'typeorm';

export interface OpenEscalationRow {
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

export interface OpenEscalationFilter {
  /** Only these units' escalations; null for all. */
  units: string[] | null;
  /** Only tasks whose highest open rung is this level. */
  level?: number;
  unit?: string;
  /** Only the rungs that reach this role; each task at its highest such rung. */
  toRole?: string;
}

/** Escalations (督办) as the board reads them; the projection writes them (TaskProjectionWriter). */
export class EscalationRepository {
  constructor(private readonly db: DataSource) {}

  /** Tasks with an escalation still open, each once at its highest rung, highest and oldest first. */
  async open(f: OpenEscalationFilter): Promise<OpenEscalationRow[]> {
    const params: unknown[] = [];
    const clauses = ['e.resolved_at IS NULL'];
    const add = (clause: (n: number) => string, value: unknown) => {
      params.push(value);
      clauses.push(clause(params.length));
    };
    if (f.units) add((n) => `e.unit_code = ANY($${n})`, f.units);
    if (f.unit) add((n) => `e.unit_code = $${n}`, f.unit);
    if (f.toRole) add((n) => `e.to_role = $${n}`, f.toRole);
    let levelFilter = '';
    if (f.level) {
      params.push(f.level);
      levelFilter = `WHERE level = $${params.length}`;
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
}
