import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { BadInputError } from '@duban/domain/errors/domain-error';
import { checkedReceiptWorkdays } from '@duban/domain/task/receipt';
import { sourceKindOfTitle } from '@duban/domain/items/source-kinds';
import { unitCodeFor } from '@duban/domain/plan/unit-code';
import { OrgUnit } from '@duban/domain/plan/org-unit';
import { PlanDiff, diffPlans } from '@duban/domain/plan/plan-diff';
import { PlanTree } from '@duban/domain/plan/plan-tree';
import { WalkedItem, walkItems } from '@duban/domain/plan/plan-walk';
import { UnitResolution, resolveUnits } from '@duban/domain/plan/unit-resolution';
import { AppliedMappings, applyUnitMappings, UnitMappingError } from '@duban/domain/plan/unit-mappings';
import { UNIT_KINDS } from '../units/unit-kinds';
import { bundledCalendarSource, CalendarSource } from '@duban/domain/calendar/calendar-source';
import { CalendarStore } from '@duban/persistence/calendar/calendar-store';
import { PlanRepository } from '@duban/persistence/repositories/plan-repository';
import { NewUnitRow, UnitRepository } from '@duban/persistence/repositories/unit-repository';
import { Transactions } from '@duban/persistence/repositories/transactions';
import { indicatorRows, itemRows } from './plan-import-rows';
import { parseProgressPolicy, ProgressPolicy } from '@duban/domain/progress/expected-progress';
import { inspectionListLaunches, withListTaskRow } from './inspection-list-launch';
import { INDICATOR_WORKFLOW_STARTER, IndicatorWorkflowStarter } from './indicator-workflow-starter';
import { planContentHash } from './plan-content-hash';
import { planIdFor } from './plan-id';
import { ImportOptions, ImportResult, ImportStatus } from './plan-import.types';
import { TASK_LAUNCH_FACTORY, TASK_WORKFLOW_STARTER, TaskLaunchFactory, TaskWorkflowStarter } from './task-launch';
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
    private readonly plans: PlanRepository,
    private readonly units: UnitRepository,
    private readonly transactions: Transactions,
    @Inject(TASK_WORKFLOW_STARTER) private readonly starter: TaskWorkflowStarter,
    @Inject(TASK_LAUNCH_FACTORY) private readonly launchFactory: TaskLaunchFactory,
    // KPI reporting workflows (issue 7): optional so tests that build this service alone still can.
    @Optional() @Inject(INDICATOR_WORKFLOW_STARTER) private readonly indicatorStarter?: IndicatorWorkflowStarter,
    // The calendar table; without one (tools, benchmarks) the bundled data package.
    @Optional() @Inject(CalendarStore) private readonly calendars: CalendarSource = bundledCalendarSource(),
  ) {}

  async importPlan(tree: PlanTree, options: ImportOptions = {}): Promise<ImportResult> {
    if (options.receiptWorkdays !== undefined) checkedReceiptWorkdays(options.receiptWorkdays);
    const progress = options.progress === undefined ? undefined : checkedProgressPolicy(options.progress);
    const planId = planIdFor(tree, options.planId);
    const hash = planContentHash(tree);
    const items = walkItems(tree);
    const active = await this.units.active();
    // The preview's decisions for unknown names: aliases of existing units, or units to create.
    const mapped = this.mapUnits(active, options);
    const units = mapped.units;
    let resolution = resolveUnits(tree, units);
    const createdUnits: string[] = mapped.created.map((u) => u.name);
    let extraUnits: NewUnitRow[] = mapped.created.map((u) => ({
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

    const existing = await this.plans.find(planId);
    const status: ImportStatus = !existing ? 'new' : existing.contentHash === hash ? 'unchanged' : 'changed';
    const diff = existing && status === 'changed' ? diffPlans(existing.tree as PlanTree, tree) : null;
    const calendar = await this.calendars.calendar();
    // A problem list (整改清单) says what it is in its title when the document does not.
    const sourceKind = tree.metadata.sourceKind ?? sourceKindOfTitle(tree.metadata.title);
    const rowLaunches = leaves.map((w) =>
      this.launchFactory(
        planId,
        { ...tree.metadata, sourceKind },
        w,
        resolution.assignments.get(w.item.code)!,
        calendar,
        { receiptWorkdays: options.receiptWorkdays, progress },
      ),
    );
    // An inspection's list is one rectification task whose ledger holds every row (一件一号).
    const inspectionList =
      sourceKind === 'inspection' && rowLaunches.length > 0
        ? inspectionListLaunches(tree.metadata.title, rowLaunches, options.actor, new Date())
        : null;
    const launches = inspectionList ? [inspectionList.list, ...inspectionList.problems] : rowLaunches;
    const result = this.summary(tree, planId, status, items, resolution, createdUnits, diff, options);
    result.aliasesAdded = mapped.aliasesAdded;
    if (options.dryRun) return result;
    if (status === 'changed' && !options.confirm) return { ...result, requiresConfirmation: true };

    if (status !== 'unchanged') {
      const kinds = new Map(launches.map((l) => [l.taskId, l.kind]));
      await this.transactions.run(async (tx) => {
        await tx.units.insertMissing(extraUnits);
        // A mapped name becomes the unit's alias, so the next import knows it.
        for (const { code, alias } of mapped.aliasesAdded) await tx.units.addAlias(code, alias);
        await tx.plans.write({
          plan: {
            id: planId,
            title: tree.metadata.title,
            issuer: tree.metadata.issuer ?? null,
            issuedOn: tree.metadata.issuedOn ?? null,
            year: tree.metadata.year,
            contentHash: hash,
            tree,
            importedBy: options.actor?.userId ?? null,
            sourceKind,
          },
          items: inspectionList
            ? withListTaskRow(inspectionList.list, itemRows(planId, items, resolution, kinds, sourceKind))
            : itemRows(planId, items, resolution, kinds, sourceKind),
          indicators: indicatorRows(tree),
          removedCodes: diff?.removed.map((r) => r.code) ?? [],
          event: {
            planId,
            actor: options.actor ?? null,
            action: existing ? 'plan-revision' : 'plan-import',
            after: { contentHash: hash, diff },
            detail: `${tree.metadata.title}：${items.length} 项，${leaves.length} 个末级任务`,
          },
        });
      });
      result.applied = true;
    }
    // Outside the transaction: workflows are started only for what is committed. A crash here is
    // repaired by importing again (same content → only this step runs).
    const removed = new Set(diff?.removed.map((r) => r.code) ?? []);
    result.workflows = await this.starter.ensureStarted(
      launches.filter((l) => !removed.has(l.taskId.slice(planId.length + 1))),
    );
    // A revision that adds rows to a running list: its task waits for them too.
    const addedRows = new Set(diff?.added.map((a) => a.code) ?? []);
    if (inspectionList && addedRows.size > 0) {
      await this.starter.listProblems(
        inspectionList.list.taskId,
        (inspectionList.list.input.problems ?? []).filter((p) => addedRows.has(p.problemId)),
      );
    }
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

  /** Applies the preview's unit mappings in memory; refused mappings are bad input. */
  private mapUnits(units: OrgUnit[], options: ImportOptions): AppliedMappings {
    try {
      return applyUnitMappings(units, options.unitMappings ?? [], unitCodeFor, UNIT_KINDS);
    } catch (error) {
      if (error instanceof UnitMappingError) {
        throw new BadInputError(error.code, error.zh, error.en, { name: error.unitName });
      }
      throw error;
    }
  }

  private newUnit(name: string, known: OrgUnit[]): NewUnitRow {
    return {
      code: unitCodeFor(name, new Set(known.map((u) => u.code))),
      name,
      aliases: [],
      kind: 'section',
      parentBody: null,
    };
  }
}

/** The import's 序时进度 policy, or a field-named 400 that says how to write it. */
function checkedProgressPolicy(spec: string): ProgressPolicy {
  const parsed = parseProgressPolicy(spec);
  if ('problem' in parsed) {
    throw new BadInputError('BAD_PROGRESS_POLICY', parsed.problem, `Unreadable progress policy: ${spec}`, {
      field: 'progress',
    });
  }
  return parsed;
}
