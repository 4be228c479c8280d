import { UnitScope } from '@duban/domain/access/task-visibility';
import { IndicatorEntity, PlanEntity, TaskEntity } from '../entities';
import { TASK_DONE_SQL } from '../read/task-status-sql';
import { unitScopeSql } from '../read/unit-scope-sql';
import { Queryable } from './queryable';

export interface PlanHead {
  id: string;
  title: string;
  year: number;
}

export interface BatchRow extends PlanHead {
  sourceKind: string;
  items: number;
}

export interface PlanSummaryRow {
  id: string;
  title: string;
  issuer: string | null;
  issuedOn: string | null;
  year: number;
  revision: number;
  updatedAt: Date;
  /** Leaf tasks within the scope, and those of them done. */
  leaves: number;
  done: number;
}

/** The columns of a plan's item tree. */
const ITEM_COLUMNS: (keyof TaskEntity)[] = [
  'id',
  'code',
  'parentCode',
  'sectionCode',
  'isLeaf',
  'title',
  'leadUnit',
  'cooperatingUnits',
  'status',
  'trafficLight',
  'dueDate',
  'deadlineDefaulted',
];

/** Imported plans as the pages, the API and the bulletins read them (the import writes them: PlanWriter). */
export class PlanRepository {
  constructor(private readonly db: Queryable) {}

  /** Every plan, newest year first, with its leaf tasks counted within a unit scope. */
  async summaries(scope: UnitScope): Promise<PlanSummaryRow[]> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT p.id, p.title, p.issuer, p.issued_on, p.year, p.revision, p.updated_at,
              count(t.id) FILTER (WHERE t.is_leaf) AS leaves,
              count(t.id) FILTER (WHERE t.is_leaf AND ${TASK_DONE_SQL}) AS done
         FROM plan p LEFT JOIN task t ON t.plan_id = p.id
              AND ($1::boolean OR ${unitScopeSql('$2::text[]')})
        GROUP BY p.id ORDER BY p.year DESC, p.id`,
      [scope.all, scope.all ? [] : scope.units],
    );
    return rows.map((r) => ({
      id: String(r.id),
      title: String(r.title),
      issuer: (r.issuer as string | null) ?? null,
      issuedOn: (r.issued_on as string | null) ?? null,
      year: Number(r.year),
      revision: Number(r.revision),
      updatedAt: r.updated_at as Date,
      leaves: Number(r.leaves),
      done: Number(r.done),
    }));
  }

  find(id: string): Promise<PlanEntity | null> {
    return this.db.getRepository(PlanEntity).findOne({ where: { id } });
  }

  /** A plan's indicators, by target and sequence. */
  indicators(planId: string): Promise<IndicatorEntity[]> {
    return this.db.getRepository(IndicatorEntity).find({ where: { planId }, order: { targetCode: 'ASC', seq: 'ASC' } });
  }

  /** Every item of a plan (headings and tasks) in the plan's order. */
  items(planId: string): Promise<TaskEntity[]> {
    return this.db
      .getRepository(TaskEntity)
      .find({ where: { planId }, order: { ordinal: 'ASC' }, select: ITEM_COLUMNS });
  }

  /** The plan of this id, or the latest imported when no id is given. */
  async findOrLatest(planId?: string): Promise<PlanHead | null> {
    const [plan]: PlanHead[] = planId
      ? await this.db.query(`SELECT id, title, year FROM plan WHERE id = $1`, [planId])
      : await this.db.query(`SELECT id, title, year FROM plan ORDER BY updated_at DESC LIMIT 1`);
    return plan ?? null;
  }

  /** Batches of registered items (立项), the latest first, with how many items each holds. */
  batches(): Promise<BatchRow[]> {
    return this.db.query(
      `SELECT p.id, p.title, p.year, p.source_kind AS "sourceKind",
              (SELECT count(*)::int FROM task t WHERE t.plan_id = p.id AND t.is_leaf) AS items
         FROM plan p WHERE p.source_kind <> 'workplan' ORDER BY p.updated_at DESC`,
    );
  }

  /** Every plan, the latest import first. */
  heads(): Promise<PlanHead[]> {
    return this.db.query(`SELECT id, title, year FROM plan ORDER BY updated_at DESC`);
  }

  /** The units leading any task of the plan (who receives its bulletin). */
  async leadUnits(planId: string): Promise<string[]> {
    const rows: { lead_unit: string }[] = await this.db.query(
      `SELECT DISTINCT lead_unit FROM task WHERE plan_id = $1 AND is_leaf AND lead_unit IS NOT NULL ORDER BY lead_unit`,
      [planId],
    );
    return rows.map((r) => r.lead_unit);
  }
}
