import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BadInputError } from '@duban/domain/errors/domain-error';
import { OrgUnit } from '@duban/domain/plan/org-unit';
import { PlanDiff, diffPlans } from '@duban/domain/plan/plan-diff';
import { PlanTree } from '@duban/domain/plan/plan-tree';
import { WalkedItem, walkItems } from '@duban/domain/plan/plan-walk';
import { UnitResolution, resolveUnits } from '@duban/domain/plan/unit-resolution';
import { AppliedMappings, applyUnitMappings, UnitMappingError } from '@duban/domain/plan/unit-mappings';
import { UNIT_KINDS } from '../units/unit-kinds';
import { bundledCalendarSource, CalendarSource } from '@duban/domain/calendar/calendar-source';
import { appendPlanEvent } from '@duban/persistence/events/task-event-log';
import { CalendarStore } from '@duban/persistence/calendar/calendar-store';
import { OrgUnitEntity, PlanEntity } from '@duban/persistence/entities';
import { INDICATOR_WORKFLOW_STARTER, IndicatorWorkflowStarter } from './indicator-workflow-starter';
import { planContentHash } from './plan-content-hash';
import { planIdFor } from './plan-id';
import { ImportOptions, ImportResult, ImportStatus } from './plan-import.types';
import {
  TASK_LAUNCH_FACTORY,
  TASK_WORKFLOW_STARTER,
  TaskLaunch,
  TaskLaunchFactory,
  TaskWorkflowStarter,
} from './task-launch';
import { taskWorkflowId } from '@duban/domain/task/task-types';

/**
 * Imports a parsed plan all-or-nothing: units, plan, indicators and task tree land in one
 * transaction, then one workflow per leaf is started with a deterministic id. Re-importing the
 * same content writes nothing (and only makes sure every workflow runs); a revision is diffed and
 * applied only when confirmed.
 */
@Injectable()
export class PlanImportService {
  private readonly logger = new Logger(PlanImportService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TASK_WORKFLOW_STARTER) private readonly starter: TaskWorkflowStarter,
    @Inject(TASK_LAUNCH_FACTORY) private readonly launchFactory: TaskLaunchFactory,
    // KPI reporting workflows (issue 7): optional so tests that build this service alone still can.
    @Optional() @Inject(INDICATOR_WORKFLOW_STARTER) private readonly indicatorStarter?: IndicatorWorkflowStarter,
    // The calendar table; without one (tools, benchmarks) the bundled data package.
    @Optional() @Inject(CalendarStore) private readonly calendars: CalendarSource = bundledCalendarSource(),
  ) {}

  async importPlan(tree: PlanTree, options: ImportOptions = {}): Promise<ImportResult> {
    const planId = planIdFor(tree, options.planId);
    const hash = planContentHash(tree);
    const items = walkItems(tree);
    const active = await this.db.getRepository(OrgUnitEntity).find({ where: { active: true } });
    // The preview's decisions for unknown names: aliases of existing units, or units to create.
    const mapped = this.mapUnits(active, options);
    const units = mapped.units;
    let resolution = resolveUnits(tree, units);
    const createdUnits: string[] = mapped.created.map((u) => u.name);
    let extraUnits: (OrgUnit & { parentBody: string | null })[] = mapped.created.map((u) => ({
      ...u,
      parentBody: null,
    }));
    if (resolution.unknown.length > 0 && !options.createUnknownUnits) {
      throw new BadInputError(
        'UNKNOWN_UNITS',
        `计划中有 ${resolution.unknown.length} 个未知的责任单位：${resolution.unknown
          .map((u) => `${u.name}（第 ${u.lines.join('、')} 行）`)
          .join('；')}。请在单位管理中添加或设置别名，或以“创建未知单位”方式导入。`,
        `The plan names ${resolution.unknown.length} unknown responsible unit(s): ${resolution.unknown
          .map((u) => `${u.name} (line ${u.lines.join(', ')})`)
          .join('; ')}. Add them (or an alias) under units, or import with createUnknownUnits.`,
        { unknownUnits: resolution.unknown },
      );
    }
    if (resolution.unknown.length > 0) {
      const known = [...units, ...extraUnits];
      const more = resolution.unknown.map((u) => {
        const unit = this.newUnit(u.name, known);
        known.push(unit);
        return unit;
      });
      extraUnits = [...extraUnits, ...more];
      createdUnits.push(...more.map((u) => u.name));
      resolution = resolveUnits(tree, [...units, ...more]);
    }
    const leaves = items.filter((w) => w.isLeaf);
    const missingUnits = leaves.filter((w) => !resolution.assignments.has(w.item.code));
    if (missingUnits.length > 0) {
      throw new BadInputError(
        'TASK_WITHOUT_UNIT',
        `以下任务没有责任单位：${missingUnits.map((w) => `${w.item.code}（第 ${w.item.source.line} 行）`).join('、')}`,
        `These tasks have no responsible unit: ${missingUnits.map((w) => `${w.item.code} (line ${w.item.source.line})`).join(', ')}`,
        { tasks: missingUnits.map((w) => w.item.code) },
      );
    }

    const existing = await this.db.getRepository(PlanEntity).findOne({ where: { id: planId } });
    const status: ImportStatus = !existing ? 'new' : existing.contentHash === hash ? 'unchanged' : 'changed';
    const diff = existing && status === 'changed' ? diffPlans(existing.tree as PlanTree, tree) : null;
    const calendar = await this.calendars.calendar();
    const launches = leaves.map((w) =>
      this.launchFactory(planId, tree.metadata, w, resolution.assignments.get(w.item.code)!, calendar),
    );
    const result = this.summary(tree, planId, status, items, resolution, createdUnits, diff, options);
    result.aliasesAdded = mapped.aliasesAdded;
    if (options.dryRun) return result;
    if (status === 'changed' && !options.confirm) return { ...result, requiresConfirmation: true };

    if (status !== 'unchanged') {
      await this.db.transaction(async (tx) => {
        await this.insertUnits(tx, extraUnits);
        await this.addAliases(tx, mapped.aliasesAdded);
        await this.writePlan(tx, planId, tree, hash, items, resolution, launches, existing, diff, options);
      });
      result.applied = true;
    }
    // Outside the transaction: workflows are started only for what is committed. A crash here is
    // repaired by importing again (same content → only this step runs).
    const removed = new Set(diff?.removed.map((r) => r.code) ?? []);
    result.workflows = await this.starter.ensureStarted(
      launches.filter((l) => !removed.has(l.taskId.slice(planId.length + 1))),
    );
    await this.indicatorStarter?.ensureStarted(planId);
    if (removed.size > 0) {
      await this.starter.cancelRemoved(
        [...removed].map((code) => taskWorkflowId(planId, code)),
        `计划修订（第 ${(existing?.revision ?? 1) + 1} 版）删除了该事项`,
      );
    }
    this.logger.log(
      `plan ${planId} ${status}: ${result.workflows.started} workflows started, ${result.workflows.existing} already running`,
    );
    return result;
  }

  private summary(
    tree: PlanTree,
    planId: string,
    status: ImportStatus,
    items: WalkedItem[],
    resolution: UnitResolution,
    createdUnits: string[],
    diff: PlanDiff | null,
    options: ImportOptions,
  ): ImportResult {
    const leadUnits: Record<string, number> = {};
    for (const a of resolution.assignments.values()) leadUnits[a.leadUnit] = (leadUnits[a.leadUnit] ?? 0) + 1;
    return {
      planId,
      title: tree.metadata.title,
      year: tree.metadata.year,
      status,
      applied: false,
      requiresConfirmation: false,
      dryRun: options.dryRun === true,
      counts: {
        sections: tree.sections.length,
        items: items.length,
        leaves: items.filter((w) => w.isLeaf).length,
        targets: tree.targets.length,
        indicators: tree.targets.reduce((n, t) => n + t.indicators.length, 0),
      },
      leadUnits,
      warnings: tree.warnings,
      unknownUnits: resolution.unknown,
      createdUnits,
      diff,
      workflows: { started: 0, existing: 0, failed: 0 },
    };
  }

  private async writePlan(
    tx: EntityManager,
    planId: string,
    tree: PlanTree,
    hash: string,
    items: WalkedItem[],
    resolution: UnitResolution,
    launches: TaskLaunch[],
    existing: PlanEntity | null,
    diff: PlanDiff | null,
    options: ImportOptions,
  ): Promise<void> {
    const kinds = new Map(launches.map((l) => [l.taskId, l.kind]));
    await tx.query(
      `INSERT INTO plan (id, title, issuer, issued_on, year, content_hash, revision, tree, imported_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, now())
       ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, issuer = EXCLUDED.issuer, issued_on = EXCLUDED.issued_on,
         year = EXCLUDED.year, content_hash = EXCLUDED.content_hash, revision = plan.revision + 1,
         tree = EXCLUDED.tree, imported_by = EXCLUDED.imported_by, updated_at = now()`,
      [
        planId,
        tree.metadata.title,
        tree.metadata.issuer ?? null,
        tree.metadata.issuedOn ?? null,
        tree.metadata.year,
        hash,
        JSON.stringify(tree),
        options.actor?.userId ?? null,
      ],
    );
    await this.writeIndicators(tx, planId, tree);
    for (const w of items) {
      const a = resolution.assignments.get(w.item.code);
      const taskId = `${planId}/${w.item.code}`;
      const d = w.item.deadline;
      await tx.query(
        `INSERT INTO task (id, plan_id, code, parent_code, section_code, ordinal, is_leaf, title, body, kind, lead_unit,
                           cooperating_units, related_sections_pending, deadline_kind, due_date, deadline_defaulted)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
         ON CONFLICT (id) DO UPDATE SET parent_code = EXCLUDED.parent_code, section_code = EXCLUDED.section_code,
           ordinal = EXCLUDED.ordinal, is_leaf = EXCLUDED.is_leaf, title = EXCLUDED.title, body = EXCLUDED.body,
           kind = EXCLUDED.kind, deadline_kind = EXCLUDED.deadline_kind, due_date = EXCLUDED.due_date,
           deadline_defaulted = EXCLUDED.deadline_defaulted, related_sections_pending = EXCLUDED.related_sections_pending`,
        [
          taskId,
          planId,
          w.item.code,
          w.parentCode,
          w.section.code,
          w.ordinal,
          w.isLeaf,
          w.item.title,
          w.item.body,
          w.isLeaf ? (kinds.get(taskId) ?? null) : null,
          a?.leadUnit ?? null,
          a?.cooperatingUnits ?? [],
          a?.relatedSectionsPending ?? false,
          d.kind,
          d.date ?? null,
          d.defaulted,
        ],
      );
    }
    if (diff && diff.removed.length > 0) {
      await tx.query(
        `UPDATE task SET status = 'removed', traffic_light = 'none' WHERE plan_id = $1 AND code = ANY($2)`,
        [planId, diff.removed.map((r) => r.code)],
      );
    }
    await appendPlanEvent(tx, {
      planId,
      actor: options.actor ?? null,
      action: existing ? 'plan-revision' : 'plan-import',
      after: { contentHash: hash, diff },
      detail: `${tree.metadata.title}：${items.length} 项，${items.filter((w) => w.isLeaf).length} 个末级任务`,
    });
  }

  /**
   * Indicators keep their id across revisions (upsert on plan, target and position), so readings,
   * settings and the reporting workflows that refer to them survive a re-import; only indicators the
   * revision no longer has are deleted, with their readings and reminder records.
   */
  private async writeIndicators(tx: EntityManager, planId: string, tree: PlanTree): Promise<void> {
    const kept: string[] = [];
    for (const target of tree.targets) {
      const rows = target.indicators.length
        ? target.indicators.map((ind, seq) => [
            ind.name,
            ind.comparator,
            ind.value,
            ind.unit,
            ind.aspirational,
            false,
            ind.raw,
            seq + 1,
          ])
        : [[target.text, null, null, null, false, true, target.text, 0]];
      for (const [name, comparator, value, unit, aspirational, qualitative, raw, seq] of rows) {
        kept.push(`${target.code}#${seq}`);
        await tx.query(
          `INSERT INTO indicator (plan_id, target_code, seq, name, comparator, value, unit, aspirational, qualitative, raw)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (plan_id, target_code, seq) DO UPDATE SET name = EXCLUDED.name, comparator = EXCLUDED.comparator,
             value = EXCLUDED.value, unit = EXCLUDED.unit, aspirational = EXCLUDED.aspirational,
             qualitative = EXCLUDED.qualitative, raw = EXCLUDED.raw`,
          [planId, target.code, seq, name, comparator, value, unit, aspirational, qualitative, raw],
        );
      }
    }
    const removed: Array<{ id: string }> = await tx.query(
      `DELETE FROM indicator WHERE plan_id = $1 AND NOT (target_code || '#' || seq = ANY($2)) RETURNING id`,
      [planId, kept],
    );
    if (removed.length === 0) return;
    const ids = removed.map((r) => r.id);
    await tx.query(`DELETE FROM kpi_reading WHERE indicator_id = ANY($1::uuid[])`, [ids]);
    await tx.query(`DELETE FROM kpi_reminder WHERE indicator_id = ANY($1::uuid[])`, [ids]);
  }

  /** Applies the preview's unit mappings in memory; refused mappings are bad input. */
  private mapUnits(units: OrgUnit[], options: ImportOptions): AppliedMappings {
    try {
      return applyUnitMappings(units, options.unitMappings ?? [], unitCode, UNIT_KINDS);
    } catch (error) {
      if (error instanceof UnitMappingError) {
        throw new BadInputError(error.code, error.zh, error.en, { name: error.unitName });
      }
      throw error;
    }
  }

  /** Remembers a mapped name as the unit's alias, so the next import knows it. */
  private async addAliases(tx: EntityManager, added: { code: string; alias: string }[]): Promise<void> {
    for (const { code, alias } of added) {
      await tx.query(
        `UPDATE org_unit SET aliases = array_append(aliases, $2::text) WHERE code = $1 AND NOT ($2::text = ANY(aliases))`,
        [code, alias],
      );
    }
  }

  private newUnit(name: string, known: OrgUnit[]): OrgUnit & { parentBody: string | null } {
    return {
      code: unitCode(name, new Set(known.map((u) => u.code))),
      name,
      aliases: [],
      kind: 'section',
      parentBody: null,
    };
  }

  private async insertUnits(tx: EntityManager, units: (OrgUnit & { parentBody: string | null })[]): Promise<void> {
    for (const u of units) {
      await tx.query(
        `INSERT INTO org_unit (code, name, aliases, kind, parent_body) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [u.code, u.name, u.aliases, u.kind, u.parentBody],
      );
    }
  }
}

/** A code for a unit made by an import: from its name, unique among the codes taken. */
function unitCode(name: string, taken: Set<string>): string {
  const base = `unit-${Buffer.from(name).toString('hex').slice(0, 12)}`;
  let code = base;
  for (let i = 2; taken.has(code); i++) code = `${base}-${i}`;
  return code;
}
