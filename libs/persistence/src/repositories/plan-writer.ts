import { EntityManager } from 'typeorm';
import { appendPlanEvent, PlanEvent } from '../events/task-event-log';

/** The plan row an import writes; the revision counts up on every changed import. */
export interface PlanRow {
  id: string;
  title: string;
  issuer: string | null;
  issuedOn: string | null;
  year: number;
  contentHash: string;
  tree: unknown;
  importedBy: string | null;
  /** workplan, or the source of a batch of registered items. */
  sourceKind: string;
}

/** One item of the plan's tree as the task table holds it before its workflow projects state. */
export interface PlanItemRow {
  id: string;
  code: string;
  parentCode: string | null;
  sectionCode: string;
  ordinal: number;
  isLeaf: boolean;
  title: string;
  body: string;
  kind: string | null;
  sourceKind: string;
  leadUnit: string | null;
  cooperatingUnits: string[];
  relatedSectionsPending: boolean;
  deadlineKind: string;
  dueDate: string | null;
  deadlineDefaulted: boolean;
}

/** One indicator of a target (a qualitative target is one row without comparator). */
export interface IndicatorRow {
  targetCode: string;
  seq: number;
  name: string;
  comparator: string | null;
  value: number | null;
  unit: string | null;
  aspirational: boolean;
  qualitative: boolean;
  raw: string;
}

/** Everything one import writes, in one transaction. */
export interface PlanImportWrite {
  plan: PlanRow;
  items: PlanItemRow[];
  indicators: IndicatorRow[];
  /** Codes the revision dropped: their tasks are marked removed, not deleted (their history stays). */
  removedCodes: string[];
  event: PlanEvent;
}

/**
 * The import's writes of plan, task (its plan-owned columns: the workflow's projection owns the
 * state columns) and indicator. It runs inside the import's transaction only.
 */
export class PlanWriter {
  constructor(private readonly tx: EntityManager) {}

  async write(w: PlanImportWrite): Promise<void> {
    await this.upsertPlan(w.plan);
    await this.upsertIndicators(w.plan.id, w.indicators);
    for (const item of w.items) await this.upsertItem(w.plan.id, item);
    if (w.removedCodes.length > 0) {
      await this.tx.query(
        `UPDATE task SET status = 'removed', traffic_light = 'none' WHERE plan_id = $1 AND code = ANY($2)`,
        [w.plan.id, w.removedCodes],
      );
    }
    await appendPlanEvent(this.tx, w.event);
  }

  private async upsertPlan(p: PlanRow): Promise<void> {
    await this.tx.query(
      `INSERT INTO plan (id, title, issuer, issued_on, year, content_hash, revision, tree, imported_by, source_kind, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, $9, now())
       ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, issuer = EXCLUDED.issuer, issued_on = EXCLUDED.issued_on,
         year = EXCLUDED.year, content_hash = EXCLUDED.content_hash, revision = plan.revision + 1,
         tree = EXCLUDED.tree, imported_by = EXCLUDED.imported_by, source_kind = EXCLUDED.source_kind, updated_at = now()`,
      [p.id, p.title, p.issuer, p.issuedOn, p.year, p.contentHash, JSON.stringify(p.tree), p.importedBy, p.sourceKind],
    );
  }

  private async upsertItem(planId: string, t: PlanItemRow): Promise<void> {
    await this.tx.query(
      `INSERT INTO task (id, plan_id, code, parent_code, section_code, ordinal, is_leaf, title, body, kind, lead_unit,
                         cooperating_units, related_sections_pending, deadline_kind, due_date, deadline_defaulted, source_kind)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT (id) DO UPDATE SET parent_code = EXCLUDED.parent_code, section_code = EXCLUDED.section_code,
         ordinal = EXCLUDED.ordinal, is_leaf = EXCLUDED.is_leaf, title = EXCLUDED.title, body = EXCLUDED.body,
         kind = EXCLUDED.kind, source_kind = EXCLUDED.source_kind, deadline_kind = EXCLUDED.deadline_kind, due_date = EXCLUDED.due_date,
         deadline_defaulted = EXCLUDED.deadline_defaulted, related_sections_pending = EXCLUDED.related_sections_pending`,
      [
        t.id,
        planId,
        t.code,
        t.parentCode,
        t.sectionCode,
        t.ordinal,
        t.isLeaf,
        t.title,
        t.body,
        t.kind,
        t.leadUnit,
        t.cooperatingUnits,
        t.relatedSectionsPending,
        t.deadlineKind,
        t.dueDate,
        t.deadlineDefaulted,
        t.sourceKind,
      ],
    );
  }

  /**
   * Indicators keep their id across revisions (upsert on plan, target and position), so readings,
   * settings and the reporting workflows that refer to them survive a re-import; only indicators the
   * revision no longer has are deleted, with their readings and reminder records.
   */
  private async upsertIndicators(planId: string, rows: IndicatorRow[]): Promise<void> {
    for (const r of rows) {
      await this.tx.query(
        `INSERT INTO indicator (plan_id, target_code, seq, name, comparator, value, unit, aspirational, qualitative, raw)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (plan_id, target_code, seq) DO UPDATE SET name = EXCLUDED.name, comparator = EXCLUDED.comparator,
           value = EXCLUDED.value, unit = EXCLUDED.unit, aspirational = EXCLUDED.aspirational,
           qualitative = EXCLUDED.qualitative, raw = EXCLUDED.raw`,
        [planId, r.targetCode, r.seq, r.name, r.comparator, r.value, r.unit, r.aspirational, r.qualitative, r.raw],
      );
    }
    const removed: Array<{ id: string }> = await this.tx.query(
      `DELETE FROM indicator WHERE plan_id = $1 AND NOT (target_code || '#' || seq = ANY($2)) RETURNING id`,
      [planId, rows.map((r) => `${r.targetCode}#${r.seq}`)],
    );
    if (removed.length === 0) return;
    const ids = removed.map((r) => r.id);
    await this.tx.query(`DELETE FROM kpi_reading WHERE indicator_id = ANY($1::uuid[])`, [ids]);
    await this.tx.query(`DELETE FROM kpi_reminder WHERE indicator_id = ANY($1::uuid[])`, [ids]);
  }
}
