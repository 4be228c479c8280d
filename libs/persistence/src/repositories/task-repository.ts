import { DataSource, SelectQueryBuilder } from 'typeorm';
import { UnitScope } from '@duban/domain/access/task-visibility';
import { EscalationEntity, TaskEntity, TaskEventEntity, TaskStageEntity } from '../entities';
import { unitScopeSql } from '../read/unit-scope-sql';

/** The columns a ledger row shows (also the inbox's). */
const LEDGER_COLUMNS = [
  't.id',
  't.planId',
  't.code',
  't.title',
  't.kind',
  't.sourceKind',
  't.leadUnit',
  't.cooperatingUnits',
  't.status',
  't.trafficLight',
  't.currentStageKey',
  't.currentStageName',
  't.currentStageStatus',
  't.nextDueAt',
  't.dueDate',
  't.escalationLevel',
  't.awaiting',
  't.expectedProgress',
  't.actualProgress',
  't.updatedAt',
];

export const LEDGER_SORTS = ['code', 'dueAt', 'light', 'updatedAt', 'escalation'] as const;
export type LedgerSort = (typeof LEDGER_SORTS)[number];

const SORT_COLUMNS: Record<LedgerSort, string> = {
  code: 't.ordinal',
  dueAt: 't.next_due_at',
  light: "array_position(ARRAY['red','yellow','green','none']::varchar[], t.traffic_light)",
  updatedAt: 't.updated_at',
  escalation: 't.escalation_level',
};

/** Filters of the ledger, combined with AND. */
export interface LedgerFilter {
  planId?: string;
  unit?: string;
  unitRole?: 'lead' | 'cooperating' | 'any';
  status?: string;
  light?: string;
  stage?: string;
  dueFrom?: string;
  dueTo?: string;
  /** Substring of the code, title or body (Chinese has no word breaks). */
  q?: string;
  /** Where the item comes from (workplan, meeting, …). */
  source?: string;
}

export interface LedgerPageRequest {
  scope: UnitScope;
  filter: LedgerFilter;
  sort: LedgerSort;
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
  /** Count matches only up to this many (a broad text search would scan everything), or null. */
  countCap: number | null;
}

/**
 * The task rows of the read model as the API reads them: the ledger page and its count, a task
 * with its stages, timeline, comments and escalations, the inbox. The rows are written by the
 * import (PlanWriter) and the projection (TaskProjectionWriter); this class only reads.
 */
export class TaskRepository {
  constructor(private readonly db: DataSource) {}

  find(id: string): Promise<TaskEntity | null> {
    return this.db.getRepository(TaskEntity).findOne({ where: { id } });
  }

  /** The lights of several tasks as the read model has them now (a ledger's problems). */
  lights(ids: string[]): Promise<Pick<TaskEntity, 'id' | 'trafficLight' | 'status'>[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .select(['t.id', 't.trafficLight', 't.status'])
      .where('t.id = ANY(:ids)', { ids })
      .getMany();
  }

  /** Who may act on what: the rows the page needs to decide the buttons of several tasks. */
  snapshots(ids: string[]): Promise<Pick<TaskEntity, 'id' | 'leadUnit' | 'cooperatingUnits' | 'snapshot'>[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .select(['t.id', 't.leadUnit', 't.cooperatingUnits', 't.snapshot'])
      .where('t.id = ANY(:ids)', { ids })
      .getMany();
  }

  /**
   * One page of the ledger and the number of matching tasks, side by side. The count is a plain
   * count(*) (one row per task, no joins), capped when asked.
   */
  async ledgerPage(r: LedgerPageRequest): Promise<{ items: TaskEntity[]; count: number }> {
    const qb = this.db
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .select(LEDGER_COLUMNS)
      .where('t.is_leaf = true');
    if (!r.scope.all) {
      qb.andWhere(unitScopeSql(':scopeUnits'), {
        scopeUnits: r.scope.units,
      });
    }
    applyFilter(qb, r.filter);
    qb.orderBy(SORT_COLUMNS[r.sort], r.order === 'desc' ? 'DESC' : 'ASC', 'NULLS LAST').addOrderBy('t.id', 'ASC');
    const [items, count] = await Promise.all([
      qb.clone().offset(r.offset).limit(r.limit).getMany(),
      this.count(qb, r.countCap),
    ]);
    return { items, count };
  }

  /** The tasks waiting for any of `keys` ("<unit>:<role>"), soonest due first. */
  awaiting(keys: string[], limit: number): Promise<TaskEntity[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return this.db
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .select(LEDGER_COLUMNS)
      .where('t.awaiting && :keys', { keys })
      .orderBy('t.next_due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('t.ordinal', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** A task's events, newest first: `limit` of them, older than event `before` if given. */
  /** The highest event sequence the read model holds of a task's workflow (0 when none). */
  async lastEventSeq(taskId: string): Promise<number> {
    const [row] = await this.db.query(
      `SELECT coalesce(max(split_part(dedup_key, '#', 2)::int), 0) AS seq
         FROM task_event WHERE task_id = $1 AND dedup_key LIKE $1 || '#%'`,
      [taskId],
    );
    return Number(row?.seq ?? 0);
  }

  timeline(taskId: string, page: { before?: string; limit: number }): Promise<TaskEventEntity[]> {
    const events = this.db
      .getRepository(TaskEventEntity)
      .createQueryBuilder('e')
      .where('e.task_id = :taskId', { taskId })
      .orderBy('e.id', 'DESC')
      .limit(page.limit);
    if (page.before) events.andWhere('e.id < :before', { before: page.before });
    return events.getMany();
  }

  /** The newest `limit` comments of a task. */
  comments(taskId: string, limit: number): Promise<TaskEventEntity[]> {
    return this.db
      .getRepository(TaskEventEntity)
      .find({ where: { taskId, action: 'comment' }, order: { id: 'DESC' }, take: limit });
  }

  stages(taskId: string): Promise<TaskStageEntity[]> {
    return this.db.getRepository(TaskStageEntity).find({ where: { taskId }, order: { seq: 'ASC' } });
  }

  escalations(taskId: string): Promise<EscalationEntity[]> {
    return this.db.getRepository(EscalationEntity).find({ where: { taskId }, order: { raisedAt: 'ASC' } });
  }

  /**
   * Running tasks with a stage still to finish due in the given years (Shanghai) or at their
   * edges (December before, January after): those a calendar change of these years may move.
   */
  async dueInYears(first: number, last: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT DISTINCT t.id FROM task t JOIN task_stage s ON s.task_id = t.id
        WHERE t.is_leaf AND t.status IN ('active', 'suspended') AND s.status NOT IN ('approved', 'closed')
          AND s.due_at >= make_timestamptz($1, 12, 1, 0, 0, 0, 'Asia/Shanghai')
          AND s.due_at < make_timestamptz($2, 1, 1, 0, 0, 0, 'Asia/Shanghai')
        ORDER BY t.id`,
      [first - 1, last + 1],
    );
    return rows.map((r) => r.id);
  }

  /** Tasks whose latest projection was refused for good (投影失败): how many, and the newest ids. */
  async projectionFailures(limit: number): Promise<{ count: number; taskIds: string[] }> {
    const rows: { id: string; n: number }[] = await this.db.query(
      `SELECT id, count(*) OVER ()::int AS n FROM task WHERE projection_error IS NOT NULL
        ORDER BY projection_error_at DESC LIMIT $1`,
      [limit],
    );
    return { count: rows[0]?.n ?? 0, taskIds: rows.map((r) => r.id) };
  }

  /** count(*) of the query's rows, stopping after cap + 1 when a cap is given. */
  private async count(qb: SelectQueryBuilder<TaskEntity>, cap: number | null): Promise<number> {
    const rows = qb.clone().orderBy();
    if (cap === null) return (await rows.select('count(*)::int', 'n').getRawOne<{ n: number }>())?.n ?? 0;
    const [sql, params] = rows
      .select('1')
      .limit(cap + 1)
      .getQueryAndParameters();
    const [row] = (await this.db.query(`SELECT count(*)::int AS n FROM (${sql}) AS capped`, params)) as { n: number }[];
    return row?.n ?? 0;
  }
}

function applyFilter(qb: SelectQueryBuilder<TaskEntity>, f: LedgerFilter): void {
  if (f.planId) qb.andWhere('t.plan_id = :planId', { planId: f.planId });
  if (f.unit) {
    const role = f.unitRole ?? 'any';
    if (role === 'lead') qb.andWhere('t.lead_unit = :unit', { unit: f.unit });
    else if (role === 'cooperating') qb.andWhere(':unit = ANY(t.cooperating_units)', { unit: f.unit });
    else qb.andWhere('(t.lead_unit = :unit OR :unit = ANY(t.cooperating_units))', { unit: f.unit });
  }
  if (f.status) qb.andWhere('t.status = :status', { status: f.status });
  if (f.light) qb.andWhere('t.traffic_light = :light', { light: f.light });
  if (f.source) qb.andWhere('t.source_kind = :source', { source: f.source });
  if (f.stage) qb.andWhere('t.current_stage_key = :stage', { stage: f.stage });
  if (f.dueFrom) qb.andWhere('t.next_due_at >= :dueFrom', { dueFrom: f.dueFrom });
  if (f.dueTo) qb.andWhere('t.next_due_at <= :dueTo', { dueTo: f.dueTo });
  if (f.q) {
    // Matched on the stored lower-cased code + title + body; LIKE's own characters escaped.
    const needle = `%${f.q
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    qb.andWhere('t.search_text LIKE :needle', { needle });
  }
}
